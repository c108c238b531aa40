import type { ExportColumn } from "@/lib/export/table-export";
import { REDACTED } from "@/lib/pii/mask";
import type { ReportRow } from "./queries";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The list's export: personal data masked, amounts in yuan as numbers, times as Beijing date cells. */
export function reportExportColumns(t: Translate): ExportColumn<ReportRow>[] {
  const yuan = (fen: number | undefined) => (fen === undefined ? null : fen / 100);
  return [
    { header: t("reportNo"), value: (r) => r.reportNo },
    { header: t("subject"), value: (r) => r.subjectNameMasked ?? REDACTED },
    { header: t("idNumber"), value: (r) => r.subjectIdMasked },
    { header: t("statusLabel"), value: (r) => t(`status.${r.status}`) },
    { header: t("reportTime"), value: (r) => r.reportTime },
    { header: t("list.queries3m"), value: (r) => r.indicators?.queries3m ?? null },
    { header: t("list.overdue"), value: (r) => yuan(r.indicators?.overdueAmountFen) },
    { header: t("list.worst"), value: (r) => r.indicators?.worstStatus24m ?? null },
    { header: t("list.utilisation"), value: (r) => (r.indicators?.cardUtilisationBp == null ? null : r.indicators.cardUtilisationBp / 100) },
    { header: t("list.debt"), value: (r) => yuan(r.indicators?.totalDebtFen) },
    { header: t("list.flags"), value: (r) => (r.indicators?.flags ?? []).map((f) => t(`flagNames.${f}`)).join(" ") },
    { header: t("linkedOrder"), value: (r) => r.pretrialOrderId },
    { header: t("uploadedAt"), value: (r) => r.createdAt },
  ];
}
