"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatScore, scoreOutcome } from "@/lib/risk-scores/outcome";
import type { ScoreView } from "@/lib/risk-scores/score-view";

/** One sentence saying why the request stands where it does, in the reader's terms. */
export function ScoreExplanation({ view }: { view: ScoreView }) {
  const t = useTranslations("riskScores.explain");
  const tc = useTranslations("riskScores.channels");
  const format = useFormatter();
  const outcome = scoreOutcome(view);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  const lines: string[] = [];
  const args = { score: formatScore(view.score), channel: tc(view.channelKind), cutoff: view.cutoff ?? "—" };
  if (outcome === "pass") lines.push(t("pass", args));
  if (outcome === "fail") lines.push(t("fail", args));
  if (outcome === "model-error") lines.push(t("modelError", { raw: view.scoreRaw ?? "—" }));
  if (outcome === "pending") {
    lines.push(view.attempts === 0 ? t("pendingFirst") : t("pending", { attempts: view.attempts }));
    if (view.nextAttemptAt) lines.push(t("nextAttempt", { time: when(view.nextAttemptAt) }));
  }
  if (outcome === "failed") {
    lines.push(t(`failedFor.${view.failureReason ?? "unavailable"}`));
    // 4005: the vendor could not find a field in the applicant data it pulled from us.
    if (view.missingField) lines.push(t("missingField", { field: view.missingField }));
    lines.push(t("reference", { reference: view.reference }));
  }
  return (
    // Polite live region: a pending request that gets scored while the page is open is announced.
    <div aria-live="polite" className="space-y-1 text-sm" data-testid="score-explanation">
      {lines.map((line, i) => <p key={i} className={i === 0 ? "font-medium" : "text-muted-foreground"}>{line}</p>)}
      {/* Only admins receive lastError (toScoreView): the vendor's and our configuration's words. */}
      {view.lastError && (
        <details className="pt-1 text-xs" data-testid="score-technical">
          <summary className="cursor-pointer text-muted-foreground">{t("technical")}</summary>
          <p className="mt-1 rounded-md bg-muted/50 p-2 font-mono break-all">{view.lastError}</p>
        </details>
      )}
    </div>
  );
}
