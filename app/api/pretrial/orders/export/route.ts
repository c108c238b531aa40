import { getTranslations } from "next-intl/server";
import { REDACTED } from "@/lib/pii/mask";
import { pretrialList } from "@/lib/pretrial/list-params";
import { userRoute } from "@/lib/http/route";
import { getDb } from "@/lib/db";
import { csvStream, type ExportColumn, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { PRETRIAL_READ_ROLES } from "@/lib/pretrial/access";
import { toPretrialFilters } from "@/lib/pretrial/list-params";
import { iteratePretrialOrders, type PretrialRow } from "@/lib/pretrial/queries";

export const dynamic = "force-dynamic";

/** The whole filtered order list (not one page) as CSV or Excel; personal data stays masked. */
export const GET = userRoute({ name: "pretrial.export", roles: PRETRIAL_READ_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = pretrialList.loadSearchParams(request);
  const t = await getTranslations("pretrial");
  const columns: ExportColumn<PretrialRow>[] = [
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
  // Audited when the stream ends: ok only if the whole file went out (lib/http/audited-stream.ts).
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iteratePretrialOrders(getDb(), user, toPretrialFilters(p), p.sort);
  return exportResponse(format, "pretrial-orders", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
