import { getTranslations } from "next-intl/server";
import { pretrialList } from "@/lib/pretrial/list-params";
import { writeAudit } from "@/lib/audit";
import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { csvStream, type ExportColumn, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { PRETRIAL_READ_ROLES } from "@/lib/pretrial/access";
import { toPretrialFilters } from "@/lib/pretrial/list-params";
import { iteratePretrialOrders, type PretrialRow } from "@/lib/pretrial/queries";

export const dynamic = "force-dynamic";

/** The whole filtered order list (not one page) as CSV or Excel; personal data stays masked. */
export async function GET(request: Request) {
  const guard = await guardRoute(request, PRETRIAL_READ_ROLES, "pretrial.export");
  if ("response" in guard) return guard.response;
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = pretrialList.loadSearchParams(request);
  const t = await getTranslations("pretrial");
  const columns: ExportColumn<PretrialRow>[] = [
    { header: t("columns.outsideOrderId"), value: (r) => r.outsideOrderId },
    { header: t("columns.querySn"), value: (r) => r.querySn },
    { header: t("columns.status"), value: (r) => t(`statuses.${r.status}`) },
    { header: t("columns.customerName"), value: (r) => r.customerName },
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
  await writeAudit(getDb(), {
    actor: { id: guard.user.id, name: guard.user.username, role: guard.user.role },
    action: "pretrial.export",
    outcome: "ok",
    detail: `${format} ${new URL(request.url).search}`,
    ip: guard.ip,
  });
  const rows = iteratePretrialOrders(getDb(), guard.user, toPretrialFilters(p), p.sort);
  return exportResponse(format, "pretrial-orders", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
}
