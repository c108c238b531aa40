import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Signature of the risk-case (风控案例) service, design.md §3 (the document shows `accessid` +
 * `sign` in its request example but not the rule). Pure: no configuration, no I/O.
 *
 *   sign = MD5( k1=v1&k2=v2&…&key=secret )   upper-case hex
 *
 * - every field but `sign` takes part, `accessid` included;
 * - keys sort in ASCII (code-unit) order with plain `<`, never `localeCompare`;
 * - empty values ("", null, undefined) are left out ("non-empty pairs"), so an optional
 *   filter sent empty signs like one not sent;
 * - numbers sign as their string form (`page: 1` and `"1"` alike);
 * - the MD5 input is UTF-8.
 */

export type RiskCaseSignValue = string | number | null | undefined;
export type RiskCaseSignParams = Record<string, RiskCaseSignValue>;

function asciiOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The exact MD5 input. */
export function riskCaseSigningString(params: RiskCaseSignParams, secret: string): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== "sign" && params[key] !== null && params[key] !== undefined && String(params[key]) !== "")
    .sort(asciiOrder)
    .map((key) => `${key}=${String(params[key])}`);
  return [...pairs, `key=${secret}`].join("&");
}

export function signRiskCaseRequest(params: RiskCaseSignParams, secret: string): string {
  return createHash("md5").update(riskCaseSigningString(params, secret), "utf8").digest("hex").toUpperCase();
}

/** Constant-time equality; different lengths are simply unequal. */
export function riskCaseSignaturesEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
