import { maskPiiInText } from "@/lib/pii/mask";
import { VendorError, isVendorError } from "@/lib/vendors/core/errors";
import { wanwangManifest } from "./manifest";

/**
 * How a 万网 answer maps onto `VendorError` (kinds and `isAmbiguousFailure` live in
 * lib/vendors/core/errors.ts). What matters most here is whether 万网 may have acted:
 * netCredit starts a paid query and sends the customer a signing SMS, so "failed" must not
 * be confused with "unknown".
 *
 * | answer | kind | AppError code |
 * |---|---|---|
 * | envelope `code ≠ 0` or `ok: false` | refused | VENDOR_REJECTED (the vendor's msg, masked) |
 * | 401 with a fresh token, 403, 404, 405, 3xx | refused | VENDOR_CONFIG |
 * | 408, 429 | refused, retryable | VENDOR_UNAVAILABLE |
 * | other 4xx | refused | VENDOR_REJECTED |
 * | 5xx | ambiguous | VENDOR_UNAVAILABLE |
 * | token endpoint failed | not_sent | VENDOR_UNAVAILABLE, or VENDOR_CONFIG when it refused us |
 */
const VENDOR = wanwangManifest.name;

/** The vendor's `msg` as a user-facing reason; masked because it may quote an ID or mobile. */
function reasonOf(msg: string | null | undefined, vendorCode: number): string {
  const text = msg?.trim();
  return text ? maskPiiInText(text) : `vendor code ${vendorCode}`;
}

/** Envelope `code ≠ 0` (or `ok: false`): a refusal the user can read and act on. */
export function rejectedError(vendorCode: number, msg: string | null | undefined, httpStatus?: number): VendorError {
  const reason = reasonOf(msg, vendorCode);
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", reason, {
    vendorCode,
    httpStatus,
    i18n: { key: "VENDOR_REJECTED", values: { reason } },
  });
}

/** A non-2xx status. `envelope` is the body when it was one. 401 is retried by the client first. */
export function httpStatusError(status: number, envelope?: { code: number; msg: string | null }): VendorError {
  const detail = envelope ? `: ${reasonOf(envelope.msg, envelope.code)}` : "";
  const opts = { httpStatus: status, vendorCode: envelope?.code };
  if (status >= 500) return new VendorError(VENDOR, "ambiguous", "VENDOR_UNAVAILABLE", `万网 answered HTTP ${status}${detail}`, opts);
  if (status === 401 || status === 403 || status === 404 || status === 405 || (status >= 300 && status < 400)) {
    return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", `万网 answered HTTP ${status}; check the base URL and credentials${detail}`, opts);
  }
  // 408 and 429 mean "not now", not "not this": the user can try again later.
  if (status === 408 || status === 429) {
    return new VendorError(VENDOR, "refused", "VENDOR_UNAVAILABLE", `万网 answered HTTP ${status}${detail}`, { ...opts, retryable: true });
  }
  if (envelope && envelope.code !== 0) return rejectedError(envelope.code, envelope.msg, status);
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `万网 refused the request with HTTP ${status}${detail}`, {
    ...opts,
    i18n: { key: "VENDOR_REJECTED", values: { reason: `HTTP ${status}` } },
  });
}

/** 401 even with a freshly issued token: the credentials or WANWANG_COMPANY are wrong. */
export function unauthorizedError(): VendorError {
  return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", "万网 refused a freshly issued token (HTTP 401); check the client credentials and WANWANG_COMPANY", {
    httpStatus: 401,
  });
}

/**
 * The token phase failed: the business request was never sent, whatever happened to the token
 * request itself. `config` when the token endpoint refused our credentials.
 */
export function tokenError(message: string, opts: { config?: boolean; httpStatus?: number; cause?: unknown } = {}): VendorError {
  return new VendorError(VENDOR, "not_sent", opts.config ? "VENDOR_CONFIG" : "VENDOR_UNAVAILABLE", message, {
    httpStatus: opts.httpStatus,
    cause: opts.cause,
  });
}

/**
 * Whether a netCredit refusal says "this outsideOrderId was already submitted". The vendor
 * document names no code for it, so the refusal is recognised by its message (重复 / 已存在);
 * the sandbox twin answers code 500 with 三方订单号已存在 for a repeated outsideOrderId when its
 * `refuseRepeatedOutsideOrderId` setting is on. Such a refusal means 万网 HAS the order
 * (design.md §3): the order waits for its callbacks, it is never marked rejected.
 */
const DUPLICATE_MESSAGE = /重复|已存在|duplicate|already exists/i;

export function isDuplicateRefusal(err: unknown): boolean {
  return isVendorError(err, VENDOR) && err.kind === "refused" && err.code === "VENDOR_REJECTED" && DUPLICATE_MESSAGE.test(err.message);
}
