import { VendorError } from "./errors";

/**
 * A rejected `fetch` (or body read) classified by whether the request may have reached the
 * vendor. One classifier for every vendor, so "reset after sending" means the same thing
 * everywhere: ambiguous.
 */

// undici's connect-phase failures and URL errors: the request never left this machine.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);

/** The first string `code` along the cause chain (undici wraps the socket error). */
export function errorCode(err: unknown): string | undefined {
  for (let e = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
}

/** undici refuses blocked ports ("bad port") before opening a socket. */
function isBadPort(err: unknown): boolean {
  return err instanceof Error && err.cause instanceof Error && err.cause.message === "bad port";
}

/**
 * `what` names the call for the message (`risk-score POST /Partner/…`), never its content.
 * Timeout / abort / reset / socket closed → ambiguous; connect-phase failures → not sent.
 */
export function classifyTransportError(vendor: string, err: unknown, what: string): VendorError {
  if (err instanceof VendorError) return err;
  if (isTimeout(err)) {
    return new VendorError(vendor, "ambiguous", "VENDOR_UNAVAILABLE", `${what}: no answer in time`, { cause: err, retryable: true });
  }
  const code = errorCode(err);
  if (isBadPort(err) || (code && NOT_SENT_CODES.has(code))) {
    return new VendorError(vendor, "not_sent", "VENDOR_UNAVAILABLE", `${what}: cannot connect (${code ?? "bad port"})`, { cause: err, retryable: true });
  }
  return new VendorError(vendor, "ambiguous", "VENDOR_UNAVAILABLE", `${what}: connection failed${code ? ` (${code})` : ""}`, { cause: err, retryable: true });
}
