import { createHash } from "node:crypto";
import { valueAt } from "./applicant-data";

/**
 * The sandbox's "model". The same applicant always gets the same score, so a test or a
 * demo can ask twice and compare, and different applicants spread over the whole range,
 * so both sides of the 630 / 650 cut-offs (附录二) show up in demo data.
 */

export const MIN_SCORE_TENTHS = 3000;
export const MAX_SCORE_TENTHS = 8500;

/**
 * Test inputs for the document's two model-error scores (附录一: -666666.0 and -77777.0,
 * "模型异常"). They ride on the pulled name because that is what the console's own test
 * data controls; the answer is still code "1000" — the real vendor reports model errors
 * as scores, and the console must not take them for scores (design.md §3).
 */
export const MODEL_ERROR_NAMES: Readonly<Record<string, string>> = {
  模型异常甲: "-666666.0",
  模型异常乙: "-77777.0",
};

/**
 * Decides the score for one pulled applicant. Precedence: a model-error name, then the
 * `fixedScore` setting, then the derived score.
 */
export function decideRiskScore(idNum: string, data: Record<string, unknown>, fixedScore: string | null): string {
  const name = String(valueAt(data, "customer_info.real_name") ?? "").trim();
  const modelError = MODEL_ERROR_NAMES[name];
  if (modelError) return modelError;
  return fixedScore ?? deriveRiskScore(idNum, data);
}

/**
 * sha256 of the id number and a few pulled fields → 300.0–850.0 in steps of 0.1, one
 * decimal like the document's "707.0". The id number comes from the POST (the pulled data
 * does not carry it); the pulled fields make a changed applicant record change the score.
 */
export function deriveRiskScore(idNum: string, data: Record<string, unknown>): string {
  const pulled = ["customer_info.real_name", "customer_info.gender", "channel_id"].map((path) =>
    String(valueAt(data, path) ?? ""),
  );
  const parts = [idNum, ...pulled];
  const digest = createHash("sha256").update(parts.join("|"), "utf8").digest();
  const span = MAX_SCORE_TENTHS - MIN_SCORE_TENTHS + 1;
  const tenths = MIN_SCORE_TENTHS + (digest.readUInt32BE(0) % span);
  return (tenths / 10).toFixed(1);
}
