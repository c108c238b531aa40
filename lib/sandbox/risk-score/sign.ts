import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The risk-score vendor's signature, as the sandbox computes it. Written apart from the
 * console's lib/vendors/risk-score/sign.ts on purpose: two independent readings of the
 * document that agree are the test that the reading is right.
 *
 * Rule (document: "按ASCII排序后，进行MD5处理", and its example string):
 *   md5( k1=v1&k2=v2&…  +  secret )   lower-case hex, no separator before the secret
 * - every field present except `sign` takes part, extra fields included;
 * - the document never says what happens to empty values, so the sandbox keeps them as
 *   `k=` (null counts as empty): a console that drops them gets 100, not a silent pass;
 * - values are signed in their string form (numbers as `String(n)`, objects as JSON);
 * - keys in ASCII (code-unit) order; the MD5 input is UTF-8, which matters for Chinese.
 */

export type SignParams = Record<string, unknown>;

/** The string form a value is signed in; see the rule above. */
export function signValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** `k=v&k=v…` of every field but `sign`, keys in ASCII order. */
export function buildSignContent(params: SignParams): string {
  return Object.keys(params)
    .filter((key) => key !== "sign" && params[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${signValue(params[key])}`)
    .join("&");
}

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** getRiskScore requests and the callback GET the sandbox makes to the console. */
export function signRiskScoreParams(params: SignParams, secret: string): string {
  return md5Hex(buildSignContent(params) + secret);
}

/**
 * getHistoryScores: the document fixes the input to exactly these two fields
 * (`md5(partner_id=合作ID&zw_order=订单号·secret_key)`), whatever else the body holds.
 */
export function signHistoryQuery(partnerId: string, zwOrder: string, secret: string): string {
  return md5Hex(`partner_id=${partnerId}&zw_order=${zwOrder}${secret}`);
}

/**
 * Constant-time comparison of a received signature with the expected one. Upper-case hex
 * is refused: the document asks for "32位小写", and a sandbox that forgave it would hide
 * a console bug the real vendor would not.
 */
export function signaturesMatch(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  // Byte lengths, not string lengths: timingSafeEqual throws on a mismatch, and "签" is 3 bytes.
  return a.length === b.length && timingSafeEqual(a, b);
}
