import type { AppError, AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";
import { VendorError } from "@/lib/vendors/core/errors";
import { riskScoreManifest } from "./manifest";

/**
 * The risk-score vendor's 附录一 return codes mapped onto `VendorError`s (house-style rule 3).
 * Every code is a refusal (`kind: "refused"`): the vendor answered. The `AppError` code says
 * what kind of refusal; `retryable` says whether sending again (the same `zw_order`) can help.
 * Re-sending after an ambiguous failure is safe here: an order the vendor already scored
 * answers 9002, which the client resolves through getHistoryScores.
 */
const VENDOR = riskScoreManifest.name;

/** 9002: the order was already submitted; the client answers it with the history score. */
export const DUPLICATE_ORDER_CODE = "9002";

export type RiskScoreCode = {
  code: string;
  /** The document's text. */
  zh: string;
  en: string;
  /** null for success. */
  appErrorCode: AppErrorCode | null;
  retryable: boolean;
  /** How a caller should read it: `success`, or a refusal of some AppError kind. */
  kind: "success" | "refused";
};

/** 附录一, in the document's order. */
export const RISK_SCORE_CODES: readonly RiskScoreCode[] = [
  { code: "1000", zh: "success", en: "success", appErrorCode: null, retryable: false, kind: "success" },
  {
    code: "100",
    zh: "签名不匹配",
    en: "signature mismatch: check the partner id (RISK_SCORE_PARTNER_ID) and secret (RISK_SCORE_SECRET)",
    appErrorCode: "VENDOR_CONFIG",
    retryable: false,
    kind: "refused",
  },
  { code: "2001", zh: "参数错误！", en: "parameter error: the request was malformed", appErrorCode: "VENDOR_REJECTED", retryable: false, kind: "refused" },
  { code: "4001", zh: "请求到上限！", en: "request limit reached: try again later", appErrorCode: "RATE_LIMITED", retryable: true, kind: "refused" },
  {
    code: "4002",
    zh: "请先配置回调地址！",
    en: "no callback address is configured at the vendor: ask them to register our applicant-data endpoint",
    appErrorCode: "VENDOR_CONFIG",
    retryable: false,
    kind: "refused",
  },
  {
    code: "4005",
    zh: "回调数据***缺失，请自检!",
    en: "the applicant data we served lacks a required field",
    appErrorCode: "VALIDATION",
    retryable: false,
    kind: "refused",
  },
  { code: "9001", zh: "请求失败，请检测参数！", en: "request failed: check the parameters (and the clock)", appErrorCode: "VENDOR_REJECTED", retryable: false, kind: "refused" },
  { code: "9002", zh: "该订单号已存在，请勿重复提交！", en: "order number already submitted", appErrorCode: "CONFLICT", retryable: false, kind: "refused" },
  {
    code: "9003",
    zh: "非法返回，请联系相关人员核查！",
    en: "the vendor could not read our applicant-data endpoint",
    appErrorCode: "VENDOR_UNAVAILABLE",
    retryable: true,
    kind: "refused",
  },
];

const BY_CODE = new Map(RISK_SCORE_CODES.map((c) => [c.code, c]));

export function describeRiskScoreCode(code: string): RiskScoreCode | undefined {
  return BY_CODE.get(code);
}

/** `回调数据<field>缺失，请自检!` → `<field>`; undefined when the vendor left the placeholder. */
export function extractMissingField(msg: string): string | undefined {
  const field = /回调数据\s*(.+?)\s*缺失/.exec(msg)?.[1];
  return field && !/^\*+$/.test(field) ? field : undefined;
}

function i18nFor(code: AppErrorCode, reason: string): AppError["i18n"] {
  return code === "VENDOR_REJECTED" || code === "VENDOR_CONFIG" ? { key: code, values: { reason } } : undefined;
}

/** A non-success answer code mapped to its error. 9002 maps too, for callers that do not resolve it. */
export function codeError(vendorCode: string, msg: string): VendorError {
  // The message may quote what was sent; the mask keeps ID numbers and mobiles out of logs.
  const vendorText = maskPiiInText(msg.trim());
  const known = BY_CODE.get(vendorCode);
  if (!known || known.appErrorCode === null) {
    const reason = vendorText || `vendor code ${vendorCode}`;
    return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `risk-score: ${reason} (code ${vendorCode})`, {
      vendorCode,
      i18n: i18nFor("VENDOR_REJECTED", reason),
    });
  }
  const missingField = vendorCode === "4005" ? extractMissingField(vendorText) : undefined;
  const en = missingField ? `the applicant data we served lacks the required field ${missingField}` : known.en;
  const reason = `${en} (${vendorText || known.zh})`;
  return new VendorError(VENDOR, "refused", known.appErrorCode, `risk-score ${vendorCode}: ${reason}`, {
    vendorCode,
    retryable: known.retryable,
    detail: missingField ? { missingField } : undefined,
    i18n: i18nFor(known.appErrorCode, reason),
  });
}

/** The field our applicant data lacked, from a 4005 refusal. */
export function missingFieldOf(err: unknown): string | undefined {
  return err instanceof VendorError ? err.detail?.missingField : undefined;
}

/**
 * A non-2xx status. The document shows HTTP 200 for every answer, so any other status is a
 * gateway's or a wrong URL's. 5xx may have been scored (ambiguous); resending is safe (9002).
 */
export function httpStatusError(status: number): VendorError {
  const opts = { httpStatus: status };
  if (status >= 500) return new VendorError(VENDOR, "ambiguous", "VENDOR_UNAVAILABLE", `risk-score answered HTTP ${status}`, { ...opts, retryable: true });
  if (status === 429) return new VendorError(VENDOR, "refused", "RATE_LIMITED", "risk-score answered HTTP 429", { ...opts, retryable: true });
  if (status === 408) return new VendorError(VENDOR, "refused", "VENDOR_UNAVAILABLE", "risk-score answered HTTP 408", { ...opts, retryable: true });
  if ((status >= 300 && status < 400) || [401, 403, 404, 405].includes(status)) {
    const reason = `HTTP ${status}; check RISK_SCORE_BASE_URL`;
    return new VendorError(VENDOR, "refused", "VENDOR_CONFIG", `risk-score answered ${reason}`, { ...opts, i18n: i18nFor("VENDOR_CONFIG", reason) });
  }
  const reason = `HTTP ${status}`;
  return new VendorError(VENDOR, "refused", "VENDOR_REJECTED", `risk-score refused the request with ${reason}`, { ...opts, i18n: i18nFor("VENDOR_REJECTED", reason) });
}
