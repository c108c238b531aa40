import type { AppError, AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";
import { VendorError } from "@/lib/vendors/core/errors";
import { RETURN_CODES } from "./enums";
import { lanmaoManifest } from "./manifest";

/**
 * 联银通's return codes (vendor doc 004 §5.1) mapped onto `VendorError`s. The document lists
 * only the general codes; any other non-zero code is a business refusal whose `description`
 * says why (masked before it becomes a user-facing reason).
 *
 * 100001 (系统错误) is `ambiguous`: §1.6 says a request that failed on a passing system error
 * is completed by calling again with the same requestNo — so it may have been partly acted
 * on, and is resent (idempotent interfaces) or looked up (the others), never given up.
 */
const VENDOR = lanmaoManifest.name;

type CodeRule = { kind: "ambiguous" | "refused"; appErrorCode: AppErrorCode; retryable: boolean; en: string };

const RULES: Record<string, CodeRule> = {
  "100001": { kind: "ambiguous", appErrorCode: "VENDOR_UNAVAILABLE", retryable: true, en: RETURN_CODES["100001"].en },
  "100002": { kind: "refused", appErrorCode: "VENDOR_REJECTED", retryable: false, en: RETURN_CODES["100002"].en },
  "100003": { kind: "refused", appErrorCode: "VENDOR_CONFIG", retryable: false, en: "signature verification failed: check LANMAO_PRIVATE_KEY and LANMAO_KEY_SERIAL against the certificate 联银通 holds" },
  "100004": { kind: "refused", appErrorCode: "VENDOR_CONFIG", retryable: false, en: "unknown platform number: check LANMAO_PLATFORM_NO" },
  "100005": { kind: "refused", appErrorCode: "VENDOR_REJECTED", retryable: false, en: RETURN_CODES["100005"].en },
  "100006": { kind: "refused", appErrorCode: "VENDOR_CONFIG", retryable: false, en: RETURN_CODES["100006"].en },
};

const i18nFor = (code: AppErrorCode, reason: string): AppError["i18n"] =>
  code === "VENDOR_REJECTED" || code === "VENDOR_CONFIG" ? { key: code, values: { reason } } : undefined;

/** A non-zero `code` in an answer (direct) → its error. `service` is for the log line only. */
export function lanmaoCodeError(vendorCode: string, description: string | undefined, service: string): VendorError {
  const vendorText = maskPiiInText((description ?? "").trim());
  const rule = RULES[vendorCode];
  if (!rule) {
    const reason = vendorText || `联银通 code ${vendorCode}`;
    return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `lanmao ${service}: ${reason} (code ${vendorCode})`, {
      vendorCode,
      i18n: i18nFor("VENDOR_REJECTED", reason),
    });
  }
  const reason = vendorText ? `${rule.en} (${vendorText})` : rule.en;
  return new VendorError(VENDOR, rule.kind, rule.appErrorCode, `lanmao ${service} ${vendorCode}: ${reason}`, {
    vendorCode,
    retryable: rule.retryable,
    i18n: i18nFor(rule.appErrorCode, reason),
  });
}

/**
 * A non-2xx status: the document answers everything with a body, so another status is a
 * gateway's or a wrong URL's. 5xx may have been acted on (ambiguous).
 */
export function lanmaoHttpStatusError(status: number): VendorError {
  const opts = { httpStatus: status };
  if (status >= 500) return new VendorError(VENDOR, "ambiguous", "VENDOR_UNAVAILABLE", `lanmao answered HTTP ${status}`, { ...opts, retryable: true });
  if (status === 429) return new VendorError(VENDOR, "refused", "RATE_LIMITED", "lanmao answered HTTP 429", { ...opts, retryable: true });
  if (status === 408) return new VendorError(VENDOR, "refused", "VENDOR_UNAVAILABLE", "lanmao answered HTTP 408", { ...opts, retryable: true });
  if ((status >= 300 && status < 400) || [401, 403, 404, 405].includes(status)) {
    const reason = `HTTP ${status}; check LANMAO_BASE_URL`;
    return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", `lanmao answered ${reason}`, { ...opts, i18n: i18nFor("VENDOR_CONFIG", reason) });
  }
  const reason = `HTTP ${status}`;
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `lanmao refused the request with ${reason}`, { ...opts, i18n: i18nFor("VENDOR_REJECTED", reason) });
}

/**
 * An answer whose `sign` header is missing or does not verify with LANMAO_PUBLIC_KEY: never
 * trusted (design.md §3). It may still be 联银通's real answer garbled on the way, so it counts
 * as ambiguous: resend (idempotent) or look up, never assume either outcome.
 */
export function unverifiedAnswerError(service: string, httpStatus: number, why: "missing" | "invalid"): VendorError {
  return new VendorError(VENDOR, "unreadable", "VENDOR_UNAVAILABLE", `lanmao ${service} answer signature ${why}: not trusted`, {
    httpStatus,
    retryable: true,
    detail: { signature: why },
  });
}
