import { z } from "zod";
import { isValidIdNumber, isValidMobile } from "@/lib/pii/id-card";

/**
 * Wire shapes of the risk-score (风控) vendor (vendor-docs/001_…). Requests are strict:
 * they are ours, and a mistake must fail before a paid, non-repeatable call (the vendor
 * refuses a `zw_order` it has seen: 9002). Answers are lenient where the document itself
 * varies: `code` is the string "1000" in 返回示例 and the number 100 in 错误示例.
 * Validation messages never quote the value: they can end up in logs.
 */

/** Our order number: it also travels in the vendor's pull URL, so URL-safe ASCII only. */
// No trim: the value is signed as given, so parsing must not change it.
export const ZZwOrder = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "1–64 letters, digits, '_' or '-'");

const zSign = z.string().regex(/^[0-9a-f]{32}$/, "32 lower-case hex characters");

export const ZGetRiskScoreRequest = z.strictObject({
  id_num: z.string().refine((v) => isValidIdNumber(v), "not a valid resident ID number"),
  mobile: z.string().refine((v) => isValidMobile(v), "not a mainland mobile number"),
  zw_order: ZZwOrder,
  partner_id: z.string().min(1),
  /** Seconds since the epoch, as a string (the document: 请求时间戳(精确到秒), (string)). */
  timestamp: z.string().regex(/^\d{9,11}$/, "whole seconds"),
  sign: zSign,
});
export type TGetRiskScoreRequest = z.infer<typeof ZGetRiskScoreRequest>;

export const ZGetHistoryScoresRequest = z.strictObject({
  partner_id: z.string().min(1),
  zw_order: ZZwOrder,
  sign: zSign,
});
export type TGetHistoryScoresRequest = z.infer<typeof ZGetHistoryScoresRequest>;

/** `"1000"` or `1000` (and `100` or `"100"`): normalised to the string form. */
export const ZVendorCode = z.union([
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, "a numeric code"),
  z.number().int().transform(String),
]);

const zMsg = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

/** A score as sent: `"707.0"`, `"401.52"`, or the same as a JSON number. */
export const ZRawScore = z.union([z.string(), z.number()]);

export const ZGetRiskScoreAnswer = z.looseObject({
  code: ZVendorCode,
  msg: zMsg,
  data: z.looseObject({ score: ZRawScore.nullish() }).nullish(),
});
export type TGetRiskScoreAnswer = z.output<typeof ZGetRiskScoreAnswer>;

/** getHistoryScores answers `scores` (plural, a single value) at the top level. */
export const ZGetHistoryScoresAnswer = z.looseObject({
  code: ZVendorCode,
  msg: zMsg,
  scores: ZRawScore.nullish(),
});
export type TGetHistoryScoresAnswer = z.output<typeof ZGetHistoryScoresAnswer>;

export const SUCCESS_CODE = "1000";

/** What a score on the wire means. `raw` keeps the vendor's text for display and audit. */
export type TScoreValue = { kind: "score"; score: number; raw: string } | { kind: "model-error"; raw: string };

/** 附录一: `"score":-666666.0` and `"score":-77777.0` mean 模型异常. */
export const MODEL_ERROR_SCORES: readonly number[] = [-666666, -77777];

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Wire score → meaning, or null when it is not a decimal number at all (the caller treats
 * that as an unreadable answer). The two documented sentinels are model errors in any
 * spelling (`-666666`, `-666666.0`, `"-666666.000"`). Any other negative value is treated as
 * a model error too: scores are positive (the document's cut-offs are 630 / 650), and an
 * undocumented sentinel read as a very low score would silently fail an applicant.
 */
export function parseScore(value: string | number | null | undefined): TScoreValue | null {
  if (value === null || value === undefined) return null;
  const raw = typeof value === "number" ? String(value) : value.trim();
  if (typeof value === "number" ? !Number.isFinite(value) : !DECIMAL.test(raw)) return null;
  const score = Number(raw);
  if (!Number.isFinite(score)) return null;
  if (MODEL_ERROR_SCORES.includes(score) || score < 0) return { kind: "model-error", raw };
  return { kind: "score", score, raw };
}
