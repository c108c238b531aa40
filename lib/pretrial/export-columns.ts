import type { ExportColumn } from "@/lib/export/table-export";
import { REDACTED } from "@/lib/pii/mask";
import type { PretrialRow } from "./queries";

type Translate = (key: string) => string;

/** The order list's export, column by column: personal data masked, times as Beijing date cells. */
export function pretrialExportColumns(t: Translate): ExportColumn<PretrialRow>[] {
  return [
    { header: t("columns.outsideOrderId"), value: (r) => r.outsideOrderId },
    { header: t("columns.querySn"), value: (r) => r.querySn },
    { header: t("columns.status"), value: (r) => t(`statuses.${r.status}`) },
    { header: t("columns.customerName"), value: (r) => r.customerNameMasked ?? REDACTED },
    { header: t("columns.idNumber"), value: (r) => r.idNumberMasked },
    { header: t("columns.mobile"), value: (r) => r.mobileMasked },
    { header: t("columns.dealerName"), value: (r) => r.dealerName },
    { header: t("columns.level"), value: (r) => r.customerLevel },
    { header: t("columns.pretrialStatus"), value: (r) => (r.pretrialStatus === null ? null : r.pretrialStatus === 1 ? t("passed") : t("failed")) },
    { header: t("columns.officer"), value: (r) => r.officerName },
    { header: t("columns.createdAt"), value: (r) => r.createdAt },
    { header: t("columns.resultAt"), value: (r) => r.resultAt },
    { header: t("columns.lastError"), value: (r) => r.lastError },
  ];
}
