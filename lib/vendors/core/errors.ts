import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";

/**
 * The one error type of every vendor call (house-style rule 3: an `AppError`, so actions
 * translate it). `kind` answers the question that decides what may happen next — above all
 * whether the vendor may have acted on the request (see {@link isAmbiguousFailure}):
 *
 * - `not_sent`: the request never reached the vendor (could not connect, bad URL or port, the
 *   token phase failed, refused before sending). Sending again is safe.
 * - `ambiguous`: it may have been acted on (timeout, connection lost after sending, 5xx).
 *   Reconcile, or resend only what the vendor deduplicates (same order id).
 * - `refused`: the vendor answered no (a business code, a 4xx, a redirect, 401 after a fresh
 *   token). It saw the request and did not act on it.
 * - `unreadable`: a 2xx whose body is not JSON or not the documented shape. It probably acted,
 *   so it counts as ambiguous.
 *
 * The finer reason is the `AppError` code (VENDOR_CONFIG, RATE_LIMITED, CONFLICT …) and the
 * vendor's own code, mapped in `lib/vendors/<vendor>/errors.ts`.
 */
export const VENDOR_ERROR_KINDS = ["not_sent", "ambiguous", "refused", "unreadable"] as const;
export type VendorErrorKind = (typeof VENDOR_ERROR_KINDS)[number];

export type VendorErrorOptions = {
  /** The vendor's answer code (string form) when it answered with one. */
  vendorCode?: string | number;
  httpStatus?: number;
  /** Whether sending again (same ids) can help. Default: not for refusals or configuration errors. */
  retryable?: boolean;
  cause?: unknown;
  i18n?: AppError["i18n"];
  /** Vendor-specific detail that is not personal data (e.g. the risk-score 4005 missing field). */
  detail?: Readonly<Record<string, string>>;
};

export class VendorError extends AppError {
  readonly vendor: string;
  readonly kind: VendorErrorKind;
  readonly retryable: boolean;
  readonly vendorCode?: string;
  readonly httpStatus?: number;
  readonly detail?: Readonly<Record<string, string>>;

  constructor(vendor: string, kind: VendorErrorKind, code: AppErrorCode, message: string, opts: VendorErrorOptions = {}) {
    super(code, message, { cause: opts.cause, i18n: opts.i18n });
    this.name = "VendorError";
    this.vendor = vendor;
    this.kind = kind;
    this.vendorCode = opts.vendorCode === undefined ? undefined : String(opts.vendorCode);
    this.httpStatus = opts.httpStatus;
    this.retryable = opts.retryable ?? (kind !== "refused" && code !== "VENDOR_CONFIG");
    this.detail = opts.detail;
  }

  /** The vendor may have acted on the request although the call failed. */
  get ambiguous(): boolean {
    return this.kind === "ambiguous" || this.kind === "unreadable";
  }
}

export function isVendorError(err: unknown, vendor?: string): err is VendorError {
  return err instanceof VendorError && (vendor === undefined || err.vendor === vendor);
}

/**
 * True when the vendor may have acted on the request although the call failed (timeout,
 * connection lost after sending, 5xx, unreadable 2xx). Such a request must be reconciled, or
 * resent only with the same id, before anything is marked failed. Our own refusals (an
 * `AppError` raised before sending) are not ambiguous; an error nobody classified is, which
 * is the safe side.
 */
export function isAmbiguousFailure(err: unknown): boolean {
  if (err instanceof VendorError) return err.ambiguous;
  if (isAppError(err)) return false;
  return true;
}

/** A 2xx answer we cannot read. Messages carry issue paths only, never values. */
export function unreadableError(vendor: string, reason: string, httpStatus?: number, cause?: unknown): VendorError {
  return new VendorError(vendor, "unreadable", "VENDOR_UNAVAILABLE", `${vendor} answer unreadable: ${reason}`, { httpStatus, cause, retryable: true });
}
