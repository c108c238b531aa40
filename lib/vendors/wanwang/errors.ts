import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import { maskPiiInText } from "@/lib/pii/mask";

/**
 * How a 万网 call failed, mapped onto `AppError` codes (house-style rule 3). `kind` carries
 * what a caller needs to decide what to do next; above all whether the vendor may have
 * acted on the request (see {@link isAmbiguousFailure}) — netCredit starts a paid query
 * and sends the customer a signing SMS, so "failed" must not be confused with "unknown".
 */
export type WanwangFailureKind =
  /** Answer with envelope `code ≠ 0` (or `ok: false`): the vendor refused. */
  | "rejected"
  /** 401 even with a freshly issued token, 403, 404, a redirect: our configuration is wrong. */
  | "config"
  /** Any other 4xx: refused before processing. */
  | "client_error"
  /** Could not connect at all (refused, DNS, unreachable): nothing was sent. */
  | "unreachable"
  /** The token endpoint failed: the business request was never sent. */
  | "token"
  /** 5xx: the server failed somewhere, possibly after acting. */
  | "server_error"
  /** 2xx with a body that is not JSON or not the documented shape: it probably acted. */
  | "malformed"
  /** No answer within the timeout: the request may have been processed. */
  | "timeout"
  /** Connection broken after sending (reset, socket closed): may have been processed. */
  | "connection_lost";

const AMBIGUOUS: ReadonlySet<WanwangFailureKind> = new Set(["server_error", "malformed", "timeout", "connection_lost"]);

export class WanwangError extends AppError {
  readonly kind: WanwangFailureKind;
  /** The envelope's `code` when the vendor answered with one. */
  readonly vendorCode?: number;
  readonly httpStatus?: number;

  constructor(
    code: AppErrorCode,
    kind: WanwangFailureKind,
    message: string,
    opts: { vendorCode?: number; httpStatus?: number; cause?: unknown; i18n?: AppError["i18n"] } = {},
  ) {
    super(code, message, { cause: opts.cause, i18n: opts.i18n });
    this.name = "WanwangError";
    this.kind = kind;
    this.vendorCode = opts.vendorCode;
    this.httpStatus = opts.httpStatus;
  }

  get ambiguous(): boolean {
    return AMBIGUOUS.has(this.kind);
  }
}

/**
 * True when the vendor may have acted on the request although the call failed (timeout,
 * connection lost after sending, 5xx, unreadable 2xx). Such an order must be reconciled
 * (resultQuery, pushOutside, or asking 万网) before it is re-sent or marked failed.
 * An error this module did not classify is treated as ambiguous: the safe side.
 */
export function isAmbiguousFailure(err: unknown): boolean {
  if (err instanceof WanwangError) return err.ambiguous;
  if (isAppError(err)) return false; // our own refusals (validation) happen before sending
  return true;
}

/** The vendor's `msg` as a user-facing reason; masked because it may quote an ID or mobile. */
function reasonOf(msg: string | null | undefined, vendorCode: number): string {
  const text = msg?.trim();
  return text ? maskPiiInText(text) : `vendor code ${vendorCode}`;
}

/** Envelope `code ≠ 0` (or `ok: false`): a refusal the user can read and act on. */
export function rejectedError(vendorCode: number, msg: string | null | undefined, httpStatus?: number): WanwangError {
  const reason = reasonOf(msg, vendorCode);
  return new WanwangError("VENDOR_REJECTED", "rejected", reason, {
    vendorCode,
    httpStatus,
    i18n: { key: "VENDOR_REJECTED", values: { reason } },
  });
}

/** A non-2xx status other than 401 (handled by the retry). `envelope` is the body when it was one. */
export function httpStatusError(status: number, envelope?: { code: number; msg: string | null }): WanwangError {
  const detail = envelope ? `: ${reasonOf(envelope.msg, envelope.code)}` : "";
  const opts = { httpStatus: status, vendorCode: envelope?.code };
  if (status >= 500) return new WanwangError("VENDOR_UNAVAILABLE", "server_error", `万网 answered HTTP ${status}${detail}`, opts);
  if (status === 401 || status === 403 || status === 404 || status === 405 || (status >= 300 && status < 400)) {
    return new WanwangError("VENDOR_CONFIG", "config", `万网 answered HTTP ${status}; check the base URL and credentials${detail}`, opts);
  }
  // 408 and 429 mean "not now", not "not this": the user can try again later.
  if (status === 408 || status === 429) return new WanwangError("VENDOR_UNAVAILABLE", "client_error", `万网 answered HTTP ${status}${detail}`, opts);
  if (envelope && envelope.code !== 0) return rejectedError(envelope.code, envelope.msg, status);
  return new WanwangError("VENDOR_REJECTED", "client_error", `万网 refused the request with HTTP ${status}${detail}`, {
    ...opts,
    i18n: { key: "VENDOR_REJECTED", values: { reason: `HTTP ${status}` } },
  });
}

export function malformedError(reason: string, httpStatus: number, cause?: unknown): WanwangError {
  return new WanwangError("VENDOR_UNAVAILABLE", "malformed", `万网 answer unreadable: ${reason}`, { httpStatus, cause });
}

// undici's connect-phase failures: the request never left this machine.
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

function errorCode(err: unknown): string | undefined {
  for (let e = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
}

/** A rejected `fetch` (or body read) mapped by whether the request may have reached the vendor. */
export function transportError(err: unknown, what: string): WanwangError {
  if (isTimeout(err)) {
    return new WanwangError("VENDOR_UNAVAILABLE", "timeout", `${what}: no answer in time`, { cause: err });
  }
  const code = errorCode(err);
  // undici refuses blocked ports ("bad port") before opening a socket.
  const badPort = err instanceof Error && err.cause instanceof Error && err.cause.message === "bad port";
  if (badPort || (code && NOT_SENT_CODES.has(code))) {
    return new WanwangError("VENDOR_UNAVAILABLE", "unreachable", `${what}: cannot connect (${code ?? "bad port"})`, { cause: err });
  }
  return new WanwangError("VENDOR_UNAVAILABLE", "connection_lost", `${what}: connection failed${code ? ` (${code})` : ""}`, { cause: err });
}
