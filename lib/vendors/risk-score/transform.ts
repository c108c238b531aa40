import type { TScoreValue } from "./schemas";

/**
 * Wire score → the console's decision (vendor-docs/001_… 附录二, design.md §3). Pure.
 */

export type ScoreDecision = "pass" | "fail" | "model-error";

/** `score >= cutoff` passes; a model error is never a pass or a fail, it needs a person. */
export function decideScore(result: TScoreValue, cutoff: number): ScoreDecision {
  if (!Number.isFinite(cutoff)) throw new RangeError("cutoff must be a finite number");
  if (result.kind === "model-error") return "model-error";
  return result.score >= cutoff ? "pass" : "fail";
}

/**
 * Display text: a score with at least one decimal (`707` → "707.0", `401.52` → "401.52"), as
 * the vendor writes them; a model error as the label and the vendor's raw value.
 */
export function formatScore(result: TScoreValue, opts: { modelErrorLabel?: string } = {}): string {
  if (result.kind === "model-error") return `${opts.modelErrorLabel ?? "model error"} (${result.raw})`;
  return Number.isInteger(result.score) ? result.score.toFixed(1) : String(result.score);
}
