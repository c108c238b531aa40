import { getTranslations } from "next-intl/server";
import { pretrialList } from "@/lib/pretrial/list-params";
import { userRoute } from "@/lib/http/route";
import { getDb } from "@/lib/db";
import { csvStream, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { pretrialExportColumns } from "@/lib/pretrial/export-columns";
import { PRETRIAL_READ_ROLES } from "@/lib/pretrial/access";
import { toPretrialFilters } from "@/lib/pretrial/list-params";
import { iteratePretrialOrders } from "@/lib/pretrial/queries";

export const dynamic = "force-dynamic";

/** The whole filtered order list (not one page) as CSV or Excel; personal data stays masked. */
export const GET = userRoute({ name: "pretrial.export", roles: PRETRIAL_READ_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = pretrialList.loadSearchParams(request);
  const t = await getTranslations("pretrial");
  const columns = pretrialExportColumns(t);
  // Audited when the stream ends: ok only if the whole file went out (lib/http/audited-stream.ts).
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iteratePretrialOrders(getDb(), user, toPretrialFilters(p), p.sort);
  return exportResponse(format, "pretrial-orders", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
