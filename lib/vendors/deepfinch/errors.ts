import type { AppError, AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";
import { VendorError, type VendorErrorKind } from "@/lib/vendors/core/errors";
import { deepfinchManifest } from "./manifest";

/**
 * DeepFinch's 错误码 table (vendor-docs/003_… §4) mapped onto `VendorError`s. Recognition has
 * no side effect at the vendor beyond counting a call, so resending is always safe; `retryable`
 * says whether it can *succeed*: a rate limit or a server error may pass later, a bad file or
 * bad credentials never will. `PARAMETER_MISSING` is not in the table but is the document's
 * own error example; it means we sent no `file` part.
 */
const VENDOR = deepfinchManifest.name;

export type DeepfinchCode = {
  status: string;
  httpStatus: number;
  /** The document's text. */
  zh: string;
  en: string;
  appErrorCode: AppErrorCode;
  kind: VendorErrorKind;
  retryable: boolean;
};

export const DEEPFINCH_CODES: readonly DeepfinchCode[] = [
  { status: "INVALID_ARGUMENT", httpStatus: 400, zh: "请求参数错误", en: "invalid argument (the file is not a PDF the vendor accepts, or over 30 MB)", appErrorCode: "VENDOR_REJECTED", kind: "refused", retryable: false },
  { status: "DETECTION_FAILED", httpStatus: 400, zh: "图片检测失败", en: "detection failed (a scanned PDF without a text layer, or not a credit report)", appErrorCode: "VENDOR_REJECTED", kind: "refused", retryable: false },
  { status: "UNAUTHORIZED", httpStatus: 401, zh: "未授权或授权失败", en: "unauthorised: check DEEPFINCH_API_ID and DEEPFINCH_API_SECRET", appErrorCode: "VENDOR_CONFIG", kind: "refused", retryable: false },
  { status: "KEY_EXPIRED", httpStatus: 401, zh: "账号过期", en: "the DeepFinch account has expired", appErrorCode: "VENDOR_CONFIG", kind: "refused", retryable: false },
  { status: "NO_PERMISSION", httpStatus: 403, zh: "无调用权限", en: "the account may not call this API", appErrorCode: "VENDOR_CONFIG", kind: "refused", retryable: false },
  // A quota is reset by the vendor's billing period, not by waiting minutes: not retried.
  { status: "OUT_OF_QUOTA", httpStatus: 403, zh: "调用次数超出限额", en: "call quota exhausted", appErrorCode: "RATE_LIMITED", kind: "refused", retryable: false },
  { status: "RATE_LIMIT_EXCEEDED", httpStatus: 403, zh: "调用频率超出限额", en: "call rate exceeded: retried later", appErrorCode: "RATE_LIMITED", kind: "refused", retryable: true },
  { status: "NOT_FOUND", httpStatus: 404, zh: "请求路径错误", en: "wrong path: check DEEPFINCH_BASE_URL", appErrorCode: "VENDOR_CONFIG", kind: "refused", retryable: false },
  { status: "INTERNAL_ERROR", httpStatus: 500, zh: "服务器内部错误", en: "vendor internal error: retried later", appErrorCode: "VENDOR_UNAVAILABLE", kind: "ambiguous", retryable: true },
  { status: "PARAMETER_MISSING", httpStatus: 400, zh: "缺少参数", en: "a required parameter (the file) was missing", appErrorCode: "VENDOR_REJECTED", kind: "refused", retryable: false },
];

const BY_STATUS = new Map(DEEPFINCH_CODES.map((c) => [c.status, c]));

export function describeDeepfinchCode(status: string): DeepfinchCode | undefined {
  return BY_STATUS.get(status);
}

function i18nFor(code: AppErrorCode, reason: string): AppError["i18n"] {
  return code === "VENDOR_REJECTED" ? { key: code, values: { reason } } : undefined;
}

/** An answer whose `status` is not OK (on any HTTP status). */
export function codeError(status: string, reason: string | null | undefined, httpStatus?: number): VendorError {
  // The reason may quote what was read from the report; mask before it reaches a log or a user.
  const vendorText = maskPiiInText((reason ?? "").trim()).slice(0, 300);
  const known = BY_STATUS.get(status);
  if (!known) {
    const text = vendorText || `status ${status}`;
    // An unknown code on a 5xx may pass later; on anything else treat it as a refusal.
    const server = httpStatus !== undefined && httpStatus >= 500;
    return new VendorError(VENDOR, server ? "ambiguous" : "refused", server ? "VENDOR_UNAVAILABLE" : "VENDOR_REJECTED", `deepfinch ${status}: ${text}`, {
      vendorCode: status, httpStatus, retryable: server, i18n: i18nFor("VENDOR_REJECTED", text),
    });
  }
  const text = `${known.en}${vendorText ? ` (${vendorText})` : ""}`;
  return new VendorError(VENDOR, known.kind, known.appErrorCode, `deepfinch ${status}: ${text}`, {
    vendorCode: status, httpStatus, retryable: known.retryable, i18n: i18nFor(known.appErrorCode, text),
  });
}

/** A non-2xx answer: the body's `status` when it has one, else the HTTP status alone. */
export function httpStatusError(httpStatus: number, json: unknown): VendorError {
  const body = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : {};
  if (typeof body.status === "string" && body.status) return codeError(body.status, typeof body.reason === "string" ? body.reason : undefined, httpStatus);
  const opts = { httpStatus, vendorCode: `HTTP ${httpStatus}` };
  if (httpStatus >= 500) return new VendorError(VENDOR, "ambiguous", "VENDOR_UNAVAILABLE", `deepfinch answered HTTP ${httpStatus}`, { ...opts, retryable: true });
  if (httpStatus === 429) return new VendorError(VENDOR, "refused", "RATE_LIMITED", "deepfinch answered HTTP 429", { ...opts, retryable: true });
  if (httpStatus === 413) return codeError("INVALID_ARGUMENT", "HTTP 413: file too large", httpStatus);
  if ((httpStatus >= 300 && httpStatus < 400) || [401, 403, 404, 405].includes(httpStatus)) {
    return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", `deepfinch answered HTTP ${httpStatus}; check DEEPFINCH_BASE_URL and credentials`, opts);
  }
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `deepfinch refused the request with HTTP ${httpStatus}`, { ...opts, i18n: i18nFor("VENDOR_REJECTED", `HTTP ${httpStatus}`) });
}
