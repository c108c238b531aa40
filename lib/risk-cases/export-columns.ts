import type { ExportColumn } from "@/lib/export/table-export";
import { describeArea } from "@/lib/regions";
import type { RiskCaseRow } from "./queries";

type Translate = (key: string) => string;

/** The case list's export: the list's columns, vendor codes as sent, times as Beijing date cells. */
export function riskCaseExportColumns(t: Translate): ExportColumn<RiskCaseRow>[] {
  return [
    { header: t("fields.caseNo"), value: (r) => r.caseNo },
    { header: t("fields.mercNum"), value: (r) => r.mercNum },
    { header: t("fields.mercName"), value: (r) => r.mercName },
    { header: t("fields.agentNo"), value: (r) => r.agentNo },
    { header: t("fields.agentName"), value: (r) => r.agentName },
    { header: t("fields.riskTypeRules"), value: (r) => r.riskTypeRules },
    { header: t("fields.typeNo"), value: (r) => r.typeNo },
    { header: t("fields.auditStatus"), value: (r) => r.auditStatus },
    { header: t("fields.flowNodeKey"), value: (r) => r.flowNodeKey },
    { header: t("fields.caseDealWay"), value: (r) => r.caseDealWay },
    { header: t("fields.areaCode"), value: (r) => describeArea(r.areaCode) ?? r.areaCode },
    { header: t("fields.createTime"), value: (r) => r.createTime },
    { header: t("status"), value: (r) => t(`statuses.${r.status}`) },
    { header: t("assignee"), value: (r) => r.assigneeName },
    { header: t("conclusion"), value: (r) => (r.conclusion ? t(`conclusions.${r.conclusion}`) : null) },
    { header: t("flagged"), value: (r) => (r.schemaValid ? null : t("yes")) },
  ];
}
