import type { z } from "zod";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { VendorError, unreadableError } from "./errors";
import { safeJson } from "./json";
import { classifyTransportError } from "./transport";
import { issuePaths } from "./validation";

/**
 * One HTTP call to a vendor: timed (`AbortSignal.timeout`, per attempt, body read included),
 * no redirects followed (a redirect on these APIs means a wrong base URL, and following it
 * could turn a POST into a GET), the documented answer parsed with zod, every failure a
 * `VendorError`, and one structured log line — vendor, method, path, status, duration, vendor
 * code, kind — without bodies, query values or headers, which carry ID numbers, mobiles and
 * tokens.
 */

/** `multipart`: fetch writes the boundary itself, so no Content-Type is set here. */
export type VendorBody = { json: unknown } | { form: URLSearchParams } | { multipart: FormData };

export type VendorCall<S extends z.ZodType, R> = {
  vendor: string;
  method: "GET" | "POST";
  /** Base URL (a trailing slash is dropped) and path; the path is what the log shows. */
  baseUrl: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: VendorBody;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** The vendor's mapping of a non-2xx status (errors.ts); `json` is the body when it is JSON. */
  onStatus(status: number, json: unknown): VendorError;
  /** The documented shape of a 2xx body; anything else is an `unreadable` error naming issue paths. */
  answer: S;
  /** The vendor's envelope rule: the result and its code, or a thrown `VendorError` (a refusal). */
  interpret(answer: z.output<S>, status: number): { result: R; vendorCode?: string | number };
  /** Extra log fields (e.g. `attempt`). Never bodies or personal data. */
  log?: Record<string, string | number>;
};

/** Parses part of an answer (an envelope's `data`) or throws an `unreadable` error with issue paths. */
export function parseAnswerPart<T extends z.ZodType>(vendor: string, schema: T, value: unknown, httpStatus: number, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unreadableError(vendor, `${what} does not match the document (${issuePaths(parsed.error)})`, httpStatus);
  return parsed.data;
}

function requestInit(call: VendorCall<z.ZodType, unknown>): RequestInit {
  const headers: Record<string, string> = { Accept: "application/json", ...call.headers };
  let body: string | FormData | undefined;
  if (call.body && "multipart" in call.body) {
    body = call.body.multipart;
  } else if (call.body && "json" in call.body) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(call.body.json);
  } else if (call.body) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = call.body.form.toString();
  }
  return { method: call.method, headers, body, signal: AbortSignal.timeout(call.timeoutMs), redirect: "manual" };
}

export async function callVendor<S extends z.ZodType, R>(call: VendorCall<S, R>): Promise<R> {
  const doFetch = call.fetch ?? globalThis.fetch;
  const what = `${call.vendor} ${call.method} ${call.path}`;
  const started = performance.now();
  const logFields = { vendor: call.vendor, method: call.method, path: call.path, ...call.log };
  let status: number | undefined;
  try {
    let text: string;
    try {
      const url = new URL(call.baseUrl.replace(/\/+$/, "") + call.path);
      for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
      const res = await doFetch(url, requestInit(call as VendorCall<z.ZodType, unknown>));
      status = res.status;
      text = await res.text();
    } catch (err) {
      throw classifyTransportError(call.vendor, err, what);
    }
    const json = safeJson(text);
    if (status < 200 || status >= 300) throw call.onStatus(status, json);
    const parsed = call.answer.safeParse(json);
    if (!parsed.success) {
      throw unreadableError(call.vendor, json === undefined ? "body is not JSON" : `not the documented shape (${issuePaths(parsed.error)})`, status);
    }
    const { result, vendorCode } = call.interpret(parsed.data, status);
    logger.info({ ...logFields, status, vendorCode, durationMs: Math.round(performance.now() - started) }, `${call.vendor} call`);
    return result;
  } catch (err) {
    // Our own refusals (AppError) pass through; anything else unexpected is treated as ambiguous.
    const e = err instanceof VendorError || isAppError(err) ? err : classifyTransportError(call.vendor, err, what);
    const v = e instanceof VendorError ? e : undefined;
    logger.warn(
      { ...logFields, status, vendorCode: v?.vendorCode, kind: v?.kind, durationMs: Math.round(performance.now() - started), err: e },
      `${call.vendor} call failed`,
    );
    throw e;
  }
}
