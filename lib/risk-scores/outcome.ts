import type { RiskScoreStatus } from "@/lib/generated/prisma/enums";

/** What a request amounts to for a reader: one value for the badge, the filter and the sentence. */
export type ScoreOutcome = "pass" | "fail" | "model-error" | "pending" | "failed";

export function scoreOutcome(r: { status: RiskScoreStatus; decision: string | null }): ScoreOutcome {
  if (r.status === "PENDING") return "pending";
  if (r.status === "FAILED") return "failed";
  if (r.status === "MODEL_ERROR") return "model-error";
  // A SCORED request always carries pass/fail; anything else would be a data error, shown as fail.
  return r.decision === "pass" ? "pass" : "fail";
}

/**
 * At least one decimal, the way the vendor writes scores (707.0), but never rounded: 649.96 shown
 * as "650.0" beside "< cut-off 650, fail" would contradict itself. Stored with two decimals.
 */
export function formatScore(score: number | null): string {
  if (score === null) return "—";
  return Number.isInteger(score) ? score.toFixed(1) : String(score);
}
