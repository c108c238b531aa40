import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The twin's own reading of design.md §3 (never the console's `lib/vendors/risk-case/sign.ts`,
 * so a shared misreading cannot pass both sides): upper-case MD5 of the ASCII-sorted
 * non-empty `k=v` pairs of every received field but `sign`, `&`-joined, then `&key=<secret>`.
 * Values are signed as received: a JSON number 1 as `1`.
 */
export function expectedSign(body: Record<string, unknown>, secret: string): string {
  const keys = Object.keys(body).filter((k) => k !== "sign" && body[k] !== null && body[k] !== undefined && body[k] !== "");
  keys.sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
  const text = keys.map((k) => `${k}=${typeof body[k] === "object" ? JSON.stringify(body[k]) : String(body[k])}`).join("&") + `&key=${secret}`;
  return createHash("md5").update(Buffer.from(text, "utf8")).digest("hex").toUpperCase();
}

export function signMatches(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
