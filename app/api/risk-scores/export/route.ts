import { getTranslations } from "next-intl/server";
import { REDACTED } from "@/lib/pii/mask";
import { scoreOutcome } from "@/components/risk-scores/outcome";
import { scoreList, toScoreFilters } from "@/lib/risk-scores/list-params";
import { userRoute } from "@/lib/http/route";
import { getDb } from "@/lib/db";
import { csvStream, type ExportColumn, exportResponse, xlsxStream } from "@/lib/export/table-export";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { iterateScoreRequests, type ScoreRow } from "@/lib/risk-scores/queries";

export const dynamic = "force-dynamic";

/** The whole filtered score list (not one page) as CSV or Excel; personal data stays masked. */
export const GET = userRoute({ name: "riskScore.export", roles: RISK_SCORE_ROLES, audit: "stream" }, async ({ request, user, audit }) => {
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const p = scoreList.loadSearchParams(request);
  const t = await getTranslations("riskScores");
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  const columns: ExportColumn<ScoreRow>[] = [
    { header: t("columns.zwOrder"), value: (r) => r.zwOrder },
    { header: t("columns.customerName"), value: (r) => r.profile.realNameMasked ?? REDACTED },
    { header: t("columns.idNumber"), value: (r) => r.profile.idNumberMasked },
    { header: t("columns.channelKind"), value: (r) => t(`channels.${r.channelKind}`) },
    { header: t("columns.status"), value: (r) => t(`statuses.${r.status}`) },
    { header: t("columns.decision"), value: (r) => t(`outcomes.${scoreOutcome(r)}`) },
    // Numbers stay numbers so a spreadsheet can sort and average them.
    { header: t("columns.score"), value: (r) => r.score },
    { header: t("columns.scoreRaw"), value: (r) => r.scoreRaw },
    { header: t("columns.cutoff"), value: (r) => r.cutoff },
    { header: t("columns.fromHistory"), value: (r) => yesNo(r.fromHistory) },
    { header: t("columns.attempts"), value: (r) => r.attempts },
    { header: t("columns.pretrialOrderId"), value: (r) => r.pretrialOrderId },
    { header: t("columns.createdAt"), value: (r) => r.createdAt },
    { header: t("columns.scoredAt"), value: (r) => r.scoredAt },
    { header: t("columns.lastError"), value: (r) => r.lastError },
  ];
  // Audited when the stream ends: ok only if the whole file went out (lib/http/audited-stream.ts).
  audit({ detail: `${format} ${new URL(request.url).search}` });
  const rows = iterateScoreRequests(getDb(), user, toScoreFilters(p), p.sort);
  return exportResponse(format, "risk-scores", format === "csv" ? csvStream(columns, rows) : xlsxStream(t("title"), columns, rows));
});
