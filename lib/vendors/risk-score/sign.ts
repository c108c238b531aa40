import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Signatures of the risk-score (风控) vendor, vendor-docs/001_… ("按ASCII排序后，进行MD5处理")
 * and design.md §2/§3. Pure: no configuration, no I/O.
 *
 *   sign = md5( k1=v1&k2=v2&…  +  secret )   lower-case hex, no separator before the secret
 *
 * The document's own example: MD5("id_num=身份证号&mobile=手机号&partner_id=合作者ID&
 * timestamp=时间戳&zw_order=订单号7b005bc0e714333ec5af315ee66b4cc").
 *
 * Where the document is silent:
 * - keys sort in ASCII (code-unit) order with plain `<`, never `localeCompare`, which would
 *   put `_` and upper case elsewhere;
 * - values are signed in their string form (`1700000000` and `"1700000000"` sign alike);
 * - an empty string is signed as `k=`: it is a field we send, and the vendor signs what it
 *   receives. `null` / `undefined` are left out: JSON.stringify drops `undefined`, and we
 *   never send `null` (the request schema holds strings only), so a field absent from the
 *   signature is always absent from the wire too. `verifySignedQuery` follows the same rule
 *   (a query parameter is always a string, so `?a=` takes part as `a=`);
 * - the MD5 input is UTF-8, which matters for Chinese values.
 */

export type SignValue = string | number | null | undefined;
export type SignParams = Record<string, SignValue>;

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

function asciiOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The exact MD5 input: sorted `k=v` pairs of every field but `sign`, `&`-joined, then the secret. */
export function signingString(params: SignParams, secret: string): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== "sign" && params[key] !== null && params[key] !== undefined)
    .sort(asciiOrder)
    .map((key) => `${key}=${String(params[key])}`);
  return pairs.join("&") + secret;
}

/** getRiskScore requests (and the vendor's pull of our endpoint). */
export function signParams(params: SignParams, secret: string): string {
  return md5Hex(signingString(params, secret));
}

/**
 * getHistoryScores: the document fixes the input to these two fields,
 * `md5(partner_id=合作ID&zw_order=订单号·secret_key)` (the `·` is concatenation).
 */
export function signHistory(partnerId: string, zwOrder: string, secret: string): string {
  return md5Hex(`partner_id=${partnerId}&zw_order=${zwOrder}${secret}`);
}

/** Constant-time equality; different byte lengths are simply unequal. */
export function signaturesEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export type SignedQueryVerdict = { ok: true } | { ok: false; reason: "missing" | "stale" | "bad-signature" };

/** Parameters our applicant-data endpoint cannot do without (design.md §2). */
const REQUIRED_QUERY = ["zw_order", "timestamp", "sign"] as const;

/**
 * Verifies the vendor's signed GET of `/api/risk-score/applicant-data` (design.md §2):
 * `zw_order`, `timestamp` (seconds, ±windowSeconds), `sign` over every other parameter —
 * `mobile` / `id_num` included when present. Whether those match the order is the
 * endpoint's business, not this function's.
 *
 * Order of checks: missing → bad-signature → stale, so only a holder of the secret learns
 * that its clock is off. A timestamp that is not whole seconds counts as missing (there is
 * no usable timestamp); a repeated parameter is a bad signature (no single string was signed);
 * upper-case hex is refused, as the document asks for 32位小写.
 */
export function verifySignedQuery(
  query: URLSearchParams,
  secret: string,
  { nowSeconds, windowSeconds = 300 }: { nowSeconds: number; windowSeconds?: number },
): SignedQueryVerdict {
  for (const key of REQUIRED_QUERY) {
    if (!query.get(key)) return { ok: false, reason: "missing" };
  }
  const timestamp = query.get("timestamp")!;
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing" };

  // No prototype: a parameter named `__proto__` must stay an ordinary, signed field.
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of query) {
    if (Object.hasOwn(params, key)) return { ok: false, reason: "bad-signature" };
    params[key] = value;
  }
  if (!signaturesEqual(params.sign, signParams(params, secret))) return { ok: false, reason: "bad-signature" };

  if (Math.abs(nowSeconds - Number(timestamp)) > windowSeconds) return { ok: false, reason: "stale" };
  return { ok: true };
}
