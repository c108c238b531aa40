import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { csvStream, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { userRoute } from "@/lib/http/route";
import { RISK_CASE_ROLES } from "@/lib/risk-cases/access";
import { riskCaseExportColumns } from "@/lib/risk-cases/export-columns";
import { riskCaseList, toRiskCaseFilters } from "@/lib/risk-cases/list-params";
import { iterateRiskCases } from "@/lib/risk-cases/queries";

export const dynamic = "force-dynamic";

/** The whole filtered case list (not one page) as CSV or Excel; personal data is not in it. */
export const GET = userRoute({ name: "riskCase.export", roles: RISK_CASE_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = riskCaseList.loadSearchParams(request);
  const t = await getTranslations("riskCases");
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iterateRiskCases(getDb(), user, toRiskCaseFilters(p), p.sort);
  const columns = riskCaseExportColumns(t);
  return exportResponse(format, "risk-cases", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
