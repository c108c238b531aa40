import { getTranslations } from "next-intl/server";
import { scoreList, toScoreFilters } from "@/lib/risk-scores/list-params";
import { userRoute } from "@/lib/http/route";
import { getDb } from "@/lib/db";
import { csvStream, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { scoreExportColumns } from "@/lib/risk-scores/export-columns";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { iterateScoreRequests } from "@/lib/risk-scores/queries";

export const dynamic = "force-dynamic";

/** The whole filtered score list (not one page) as CSV or Excel; personal data stays masked. */
export const GET = userRoute({ name: "riskScore.export", roles: RISK_SCORE_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = scoreList.loadSearchParams(request);
  const t = await getTranslations("riskScores");
  const columns = scoreExportColumns(t, { technical: user.role === "ADMIN" });
  // Audited when the stream ends: ok only if the whole file went out (lib/http/audited-stream.ts).
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iterateScoreRequests(getDb(), user, toScoreFilters(p), p.sort);
  return exportResponse(format, "risk-scores", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
