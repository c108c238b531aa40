import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Signed, expiring links to stored files (design.md §3): the vendor fetches ID-card photos
 * from `/api/files/<id>?exp=<unix seconds>&sig=<hex HMAC-SHA256(secret, "<id>.<exp>")>` with
 * no session, so the signature is the whole authorization. Pure core functions take the
 * secret as a parameter; `signFileUrl` / `verifyFileSignature` bind it to FILE_URL_SECRET.
 */

export type FileSignatureVerdict = "ok" | "expired" | "invalid";

export const DEFAULT_FILE_URL_TTL_SECONDS = 24 * 3600;

// Canonical decimal seconds only: `Number()` would also accept "1e9", " 12", "0x10", "012"
// and give one exp several spellings.
const EXP_PATTERN = /^(0|[1-9]\d{0,11})$/;

export function computeFileSignature(secret: string, id: string, exp: number): string {
  return createHmac("sha256", secret).update(`${id}.${exp}`, "utf8").digest("hex");
}

export function buildSignedFileUrl(opts: {
  baseUrl: string;
  secret: string;
  id: string;
  expiresInSeconds?: number;
  now?: Date;
}): string {
  const { baseUrl, secret, id, expiresInSeconds = DEFAULT_FILE_URL_TTL_SECONDS, now = new Date() } = opts;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) throw new Error("expiresInSeconds must be a positive integer");
  const exp = Math.floor(now.getTime() / 1000) + expiresInSeconds;
  const sig = computeFileSignature(secret, id, exp);
  return `${baseUrl.replace(/\/+$/, "")}/api/files/${encodeURIComponent(id)}?exp=${exp}&sig=${sig}`;
}

/**
 * The signature is checked before the expiry, so a forged or altered link is "invalid" and
 * never learns whether its time has passed. Expired means `now >= exp` (exp is the first
 * second the link no longer works).
 */
export function checkFileSignature(
  secret: string,
  id: string,
  exp: string | number | null | undefined,
  sig: string | null | undefined,
  now: Date = new Date(),
): FileSignatureVerdict {
  if (!id || exp === null || exp === undefined || !sig) return "invalid";
  const expText = String(exp);
  if (!EXP_PATTERN.test(expText)) return "invalid";
  const expSeconds = Number(expText);
  const expected = Buffer.from(computeFileSignature(secret, id, expSeconds), "utf8");
  const given = Buffer.from(sig, "utf8");
  // timingSafeEqual throws on different lengths; a length mismatch is simply a wrong signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return Math.floor(now.getTime() / 1000) >= expSeconds ? "expired" : "ok";
}

/** An absolute link to a stored file for the vendor, valid for `expiresInSeconds` (default 24 h). */
export function signFileUrl(id: string, opts: { expiresInSeconds?: number; now?: Date } = {}): string {
  return buildSignedFileUrl({ baseUrl: env().appBaseUrl, secret: env().fileUrlSecret, id, ...opts });
}

export function verifyFileSignature(
  id: string,
  exp: string | number | null | undefined,
  sig: string | null | undefined,
  now?: Date,
): FileSignatureVerdict {
  return checkFileSignature(env().fileUrlSecret, id, exp, sig, now);
}
