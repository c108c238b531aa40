/**
 * Expected errors: what a user can act on (house-style rule 3). Everything else is logged
 * with a reference id and shown as a generic failure. `code` selects the translated message
 * (`errors.<code>` in messages/*\/errors.json); `message` is for logs and developers.
 */
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "CONFLICT",
  "RATE_LIMITED",
  "VENDOR_UNAVAILABLE",
  "VENDOR_REJECTED",
  "VENDOR_CONFIG",
  "INVALID_STATE",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Optional translation key (under `errors.`) and values for a more specific message. */
  readonly i18n?: { key: string; values?: Record<string, string | number> };
  /** Field errors to show on the form, keyed by input name. */
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { i18n?: AppError["i18n"]; fieldErrors?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.i18n = opts.i18n;
    this.fieldErrors = opts.fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Short reference id shown to the user and written to the log line of an unexpected error. */
export function newErrorReference(): string {
  return `E-${Date.now().toString(36).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
}
