import { AppError, type AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";

/**
 * The risk-score vendor's 附录一 return codes and transport failures mapped onto `AppError`
 * codes (house-style rule 3). `kind` is what a caller decides on; `retryable` says whether
 * sending again (the same `zw_order`) can help. Re-sending after an ambiguous failure is safe
 * here: an order the vendor already scored answers 9002, which the client resolves through
 * getHistoryScores.
 */
export type RiskScoreFailureKind =
  /** Our configuration, here or at the vendor: partner id / secret (100), callback address (4002), base URL. */
  | "config"
  /** The vendor refused the request as sent: a programming or data problem (2001, 9001, unknown codes). */
  | "rejected"
  /** 4001: too many calls; try again later with backoff. */
  | "rate-limited"
  /** 4005: our applicant-data endpoint answered without a required field (`missingField`). */
  | "missing-data"
  /** 9002: the order was already submitted; answered by fetching the history score. */
  | "duplicate"
  /** 9003: the vendor could not read our applicant-data endpoint. */
  | "bad-pull"
  /** No answer in time, or the connection broke after sending: the vendor may have scored it. */
  | "timeout"
  /** Could not connect at all: nothing was sent. */
  | "unreachable"
  /** HTTP 5xx, or an answer that is not JSON / not the documented shape. */
  | "malformed";

export type RiskScoreCode = {
  code: string;
  /** The document's text. */
  zh: string;
  en: string;
  /** null for success. */
  appErrorCode: AppErrorCode | null;
  retryable: boolean;
  kind: RiskScoreFailureKind | "success";
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
    kind: "config",
  },
  { code: "2001", zh: "参数错误！", en: "parameter error: the request was malformed", appErrorCode: "VENDOR_REJECTED", retryable: false, kind: "rejected" },
  { code: "4001", zh: "请求到上限！", en: "request limit reached: try again later", appErrorCode: "RATE_LIMITED", retryable: true, kind: "rate-limited" },
  {
    code: "4002",
    zh: "请先配置回调地址！",
    en: "no callback address is configured at the vendor: ask them to register our applicant-data endpoint",
    appErrorCode: "VENDOR_CONFIG",
    retryable: false,
    kind: "config",
  },
  {
    code: "4005",
    zh: "回调数据***缺失，请自检!",
    en: "the applicant data we served lacks a required field",
    appErrorCode: "VALIDATION",
    retryable: false,
    kind: "missing-data",
  },
  { code: "9001", zh: "请求失败，请检测参数！", en: "request failed: check the parameters (and the clock)", appErrorCode: "VENDOR_REJECTED", retryable: false, kind: "rejected" },
  { code: "9002", zh: "该订单号已存在，请勿重复提交！", en: "order number already submitted", appErrorCode: "CONFLICT", retryable: false, kind: "duplicate" },
  {
    code: "9003",
    zh: "非法返回，请联系相关人员核查！",
    en: "the vendor could not read our applicant-data endpoint",
    appErrorCode: "VENDOR_UNAVAILABLE",
    retryable: true,
    kind: "bad-pull",
  },
];

const BY_CODE = new Map(RISK_SCORE_CODES.map((c) => [c.code, c]));

export function describeRiskScoreCode(code: string): RiskScoreCode | undefined {
  return BY_CODE.get(code);
}

const AMBIGUOUS: ReadonlySet<RiskScoreFailureKind> = new Set(["timeout", "malformed"]);

export class RiskScoreError extends AppError {
  readonly kind: RiskScoreFailureKind;
  /** The answer's `code` (string form) when the vendor answered with one. */
  readonly vendorCode?: string;
  readonly retryable: boolean;
  /** 4005: the field of our applicant data the vendor found missing, e.g. `customer_extra_info.phone2`. */
  readonly missingField?: string;
  readonly httpStatus?: number;

  constructor(
    code: AppErrorCode,
    kind: RiskScoreFailureKind,
    message: string,
    opts: { vendorCode?: string; retryable?: boolean; missingField?: string; httpStatus?: number; cause?: unknown; i18n?: AppError["i18n"] } = {},
  ) {
    super(code, message, { cause: opts.cause, i18n: opts.i18n });
    this.name = "RiskScoreError";
    this.kind = kind;
    this.vendorCode = opts.vendorCode;
    this.retryable = opts.retryable ?? false;
    this.missingField = opts.missingField;
    this.httpStatus = opts.httpStatus;
  }

  /** The vendor may have scored the order although the call failed. */
  get ambiguous(): boolean {
    return AMBIGUOUS.has(this.kind);
  }
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
export function codeError(vendorCode: string, msg: string): RiskScoreError {
  // The message may quote what was sent; the mask keeps ID numbers and mobiles out of logs.
  const vendorText = maskPiiInText(msg.trim());
  const known = BY_CODE.get(vendorCode);
  if (!known || known.appErrorCode === null) {
    const reason = vendorText || `vendor code ${vendorCode}`;
    return new RiskScoreError("VENDOR_REJECTED", "rejected", `risk-score: ${reason} (code ${vendorCode})`, {
      vendorCode,
      i18n: i18nFor("VENDOR_REJECTED", reason),
    });
  }
  const missingField = known.kind === "missing-data" ? extractMissingField(vendorText) : undefined;
  const en = missingField ? `the applicant data we served lacks the required field ${missingField}` : known.en;
  const reason = `${en} (${vendorText || known.zh})`;
  return new RiskScoreError(known.appErrorCode, known.kind as RiskScoreFailureKind, `risk-score ${vendorCode}: ${reason}`, {
    vendorCode,
    retryable: known.retryable,
    missingField,
    i18n: i18nFor(known.appErrorCode, reason),
  });
}

/** A non-2xx status. The document shows HTTP 200 for every answer, so any other status is a gateway's or a wrong URL's. */
export function httpStatusError(status: number): RiskScoreError {
  const opts = { httpStatus: status };
  if (status >= 500) return new RiskScoreError("VENDOR_UNAVAILABLE", "malformed", `risk-score answered HTTP ${status}`, { ...opts, retryable: true });
  if (status === 429) return new RiskScoreError("RATE_LIMITED", "rate-limited", "risk-score answered HTTP 429", { ...opts, retryable: true });
  if (status === 408) return new RiskScoreError("VENDOR_UNAVAILABLE", "timeout", "risk-score answered HTTP 408", { ...opts, retryable: true });
  if ((status >= 300 && status < 400) || [401, 403, 404, 405].includes(status)) {
    const reason = `HTTP ${status}; check RISK_SCORE_BASE_URL`;
    return new RiskScoreError("VENDOR_CONFIG", "config", `risk-score answered ${reason}`, { ...opts, i18n: i18nFor("VENDOR_CONFIG", reason) });
  }
  const reason = `HTTP ${status}`;
  return new RiskScoreError("VENDOR_REJECTED", "rejected", `risk-score refused the request with ${reason}`, { ...opts, i18n: i18nFor("VENDOR_REJECTED", reason) });
}

export function malformedError(reason: string, httpStatus: number): RiskScoreError {
  return new RiskScoreError("VENDOR_UNAVAILABLE", "malformed", `risk-score answer unreadable: ${reason}`, { httpStatus, retryable: true });
}

// undici's connect-phase failures: the request never left this machine.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "UND_ERR_CONNECT_TIMEOUT"]);

function errorCode(err: unknown): string | undefined {
  for (let e = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** A rejected `fetch` (or body read), by whether the request may have reached the vendor. */
export function transportError(err: unknown, what: string): RiskScoreError {
  const code = errorCode(err);
  if (code && NOT_SENT_CODES.has(code)) {
    return new RiskScoreError("VENDOR_UNAVAILABLE", "unreachable", `${what}: cannot connect (${code})`, { cause: err, retryable: true });
  }
  const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
  const detail = timedOut ? "no answer in time" : `connection failed${code ? ` (${code})` : ""}`;
  // A reset or closed socket after sending is as ambiguous as a timeout: it may have been scored.
  return new RiskScoreError("VENDOR_UNAVAILABLE", "timeout", `${what}: ${detail}`, { cause: err, retryable: true });
}
