import "server-only";
import { getTranslations } from "next-intl/server";
import { AppError, type AppErrorCode, isAppError, newErrorReference } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { BodyTooLargeError } from "./read-body";

/** HTTP status of each expected error. */
export const STATUS_OF: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  VENDOR_UNAVAILABLE: 503,
  VENDOR_REJECTED: 502,
  VENDOR_CONFIG: 503,
  INVALID_STATE: 409,
};

/** An expected error whose HTTP status is not its code's usual one (413, 410 …). */
export class RouteRefusal extends AppError {
  readonly status: number;
  constructor(status: number, code: AppErrorCode, message: string, opts: ConstructorParameters<typeof AppError>[2] = {}) {
    super(code, message, opts);
    this.status = status;
  }
}

export type RouteErrorBody = { error: AppErrorCode | "INTERNAL"; message: string; reference?: string; fieldErrors?: Record<string, string[]> };

/** Body-size overruns become a 413 refusal; everything else passes through. */
export function asExpected(error: unknown): unknown {
  if (error instanceof BodyTooLargeError) {
    const mb = Math.round((error.limit / (1024 * 1024)) * 10) / 10;
    return new RouteRefusal(413, "VALIDATION", error.message, { i18n: { key: "bodyTooLarge", values: { mb } } });
  }
  return error;
}

/**
 * The answer for an error: an `AppError` as its status with the message in the user's language
 * (errors.<key> or errors.<code>) and its field errors; anything else as 500 with a reference id
 * that is also in the log line (never the stack or the message to the client).
 */
export async function errorResponse(error: unknown, context: { route: string; reference?: string }): Promise<Response> {
  const expected = asExpected(error);
  const t = await getTranslations("errors");
  const headers = { "cache-control": "no-store" };
  if (isAppError(expected)) {
    const key = expected.i18n?.key && t.has(expected.i18n.key) ? expected.i18n.key : expected.code;
    const body: RouteErrorBody = { error: expected.code, message: t(key, expected.i18n?.values), fieldErrors: expected.fieldErrors };
    const status = expected instanceof RouteRefusal ? expected.status : STATUS_OF[expected.code];
    return Response.json(body, { status, headers });
  }
  const reference = context.reference ?? newErrorReference();
  logger.error({ err: error, route: context.route, reference }, "route failed");
  const body: RouteErrorBody = { error: "INTERNAL", message: t("INTERNAL", { reference }), reference };
  return Response.json(body, { status: 500, headers });
}

/** For the audit row of a failed request: the code, and the reference of an unexpected error. */
export function describeError(error: unknown, reference: string): string {
  const expected = asExpected(error);
  return isAppError(expected) ? expected.code : `INTERNAL ${reference}`;
}
