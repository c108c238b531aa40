import type { AppError, AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";
import { VendorError } from "@/lib/vendors/core/errors";
import { riskCaseManifest } from "./manifest";

/**
 * The risk-case service's codes (house-style rule 3). The document defines one: `10000`
 * success; "其他:失败" with `return_msg`. Any other code is a refusal carrying the vendor's
 * message (masked). Codes the sandbox twin uses are named here so a message is readable,
 * and a message about the signature or access id points at the configuration.
 */
const VENDOR = riskCaseManifest.name;

export type RiskCaseCode = { code: number; zh: string; en: string; appErrorCode: AppErrorCode | null; retryable: boolean };

export const RISK_CASE_CODES: readonly RiskCaseCode[] = [
  { code: 10000, zh: "成功", en: "success", appErrorCode: null, retryable: false },
  // Not in the document: the twin's choices, read by meaning of return_msg in live mode.
  { code: 10001, zh: "签名错误", en: "signature mismatch: check RISK_CASE_ACCESS_ID and RISK_CASE_SECRET", appErrorCode: "VENDOR_CONFIG", retryable: false },
  { code: 10002, zh: "参数错误", en: "parameter error", appErrorCode: "VENDOR_REJECTED", retryable: false },
  { code: 10003, zh: "请求过于频繁", en: "too many requests: try again later", appErrorCode: "RATE_LIMITED", retryable: true },
  { code: 10009, zh: "系统繁忙", en: "vendor busy: try again later", appErrorCode: "VENDOR_UNAVAILABLE", retryable: true },
];
const BY_CODE = new Map(RISK_CASE_CODES.map((c) => [c.code, c]));

function i18nFor(code: AppErrorCode, reason: string): AppError["i18n"] {
  return code === "VENDOR_REJECTED" || code === "VENDOR_CONFIG" ? { key: code, values: { reason } } : undefined;
}

/** A non-10000 answer. */
export function codeError(returnCode: number, returnMsg: string): VendorError {
  const text = maskPiiInText(returnMsg.trim());
  const known = BY_CODE.get(returnCode);
  const signatureProblem = /签名|sign|accessid/i.test(text);
  const appErrorCode: AppErrorCode = known?.appErrorCode ?? (signatureProblem ? "VENDOR_CONFIG" : "VENDOR_REJECTED");
  const reason = `${known?.en ?? (signatureProblem ? "signature or access id refused: check RISK_CASE_ACCESS_ID and RISK_CASE_SECRET" : "refused")} (${text || known?.zh || `code ${returnCode}`})`;
  return new VendorError(VENDOR, "refused", appErrorCode, `risk-case ${returnCode}: ${reason}`, {
    vendorCode: returnCode,
    retryable: known?.retryable ?? false,
    i18n: i18nFor(appErrorCode, reason),
  });
}

/** A non-2xx status (the document shows HTTP 200 for every answer). */
export function httpStatusError(status: number): VendorError {
  const opts = { httpStatus: status };
  // A list query changes nothing vendor-side, so "ambiguous" only means "try again".
  if (status >= 500) return new VendorError(VENDOR, "ambiguous", "VENDOR_UNAVAILABLE", `risk-case answered HTTP ${status}`, { ...opts, retryable: true });
  if (status === 429) return new VendorError(VENDOR, "refused", "RATE_LIMITED", "risk-case answered HTTP 429", { ...opts, retryable: true });
  if ((status >= 300 && status < 400) || [401, 403, 404, 405].includes(status)) {
    const reason = `HTTP ${status}; check RISK_CASE_URL`;
    return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", `risk-case answered ${reason}`, { ...opts, i18n: i18nFor("VENDOR_CONFIG", reason) });
  }
  const reason = `HTTP ${status}`;
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `risk-case refused the request with ${reason}`, { ...opts, i18n: i18nFor("VENDOR_REJECTED", reason) });
}
