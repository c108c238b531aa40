import { getTranslations } from "next-intl/server";
import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { reportExportColumns } from "@/lib/credit-reports/export-columns";
import { reportList, toReportFilters } from "@/lib/credit-reports/list-params";
import { iterateCreditReports } from "@/lib/credit-reports/queries";
import { getDb } from "@/lib/db";
import { csvStream, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The whole filtered credit-report list as CSV or Excel; personal data stays masked. */
export const GET = userRoute({ name: "creditReport.export", roles: CREDIT_REPORT_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = reportList.loadSearchParams(request);
  const t = await getTranslations("creditReports");
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iterateCreditReports(getDb(), user, toReportFilters(p), p.sort);
  const columns = reportExportColumns(t);
  return exportResponse(format, "credit-reports", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
