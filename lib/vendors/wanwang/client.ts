import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { wanwangConfig, type WanwangConfig } from "@/lib/vendors/config";
import { WanwangError, httpStatusError, malformedError, rejectedError, transportError } from "./errors";
import {
  ZEnvelope,
  ZNetCreditData,
  ZNetCreditRequest,
  ZPushOutsideData,
  ZQuerySn,
  ZResultQueryData,
  isEnvelopeSuccess,
  type TNetCreditData,
  type TNetCreditRequest,
  type TResultQueryData,
} from "./schemas";
import { sharedTokenProvider, type TokenProvider } from "./token";

/**
 * Typed client of the 万网中台 pretrial API (vendor-docs/000_7a9b6606b963043b.txt,
 * design.md §3). Every request is validated before it is sent and every answer is parsed
 * with zod; failures are `WanwangError`s (errors.ts). Logs carry method, path, status,
 * duration and vendor code only: the bodies hold ID numbers, mobiles and names.
 */

export type WanwangClientConfig = Pick<WanwangConfig, "baseUrl" | "tokenUrl" | "clientId" | "clientSecret" | "company" | "timeoutMs">;
export type WanwangClientDeps = {
  fetch: typeof fetch;
  /** Injected in tests (clock control); by default one cached provider per process and credentials. */
  tokens?: TokenProvider;
};
/** The signed-in user on whose behalf the call is made; sent as `wwtp-account`. */
export type WanwangCallContext = { account: string };

export type WanwangClient = {
  netCredit(req: TNetCreditRequest, ctx: WanwangCallContext): Promise<TNetCreditData>;
  resultQuery(querySn: string, ctx: WanwangCallContext): Promise<TResultQueryData>;
  /** Asks 万网 to push the result callback again; true when it confirms. */
  pushOutside(querySn: string, ctx: WanwangCallContext): Promise<boolean>;
};

const API = "/integration/credit/sugar/webApi/bigDataService";
export const WANWANG_PATHS = {
  netCredit: `${API}/netCredit`,
  resultQuery: `${API}/resultQuery`,
  pushOutside: `${API}/pushOutside`,
} as const;

// Header values must be visible ASCII: fetch throws on anything else, and it would throw
// after we had decided to send, which the error mapping could not tell from a lost connection.
const HEADER_VALUE = /^[\x21-\x7e]+$/;
const ZCallContext = z.object({ account: z.string().trim().min(1).regex(HEADER_VALUE, "account must be visible ASCII") });

type Call<T extends z.ZodType> = {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  data: T;
  ctx: WanwangCallContext;
};

function validationError(what: string, error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  // Issue messages name the rule, never the value, so personal data does not leak here.
  return new AppError("VALIDATION", `invalid 万网 ${what}: ${Object.keys(fieldErrors).join(", ")}`, { fieldErrors });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function issuePaths(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 5).join(", ");
}

/** Status + body → data, or the mapped error. 401 never gets here (the caller retries it). */
function interpret<T extends z.ZodType>(status: number, text: string, schema: T): { data: z.output<T> | null; vendorCode: number } {
  const json = safeJson(text);
  const envelope = json === undefined ? undefined : ZEnvelope.safeParse(json);
  if (status < 200 || status >= 300) {
    throw httpStatusError(status, envelope?.success ? envelope.data : undefined);
  }
  if (json === undefined) throw malformedError("body is not JSON", status);
  if (!envelope?.success) throw malformedError(`not the documented envelope (${issuePaths(envelope!.error)})`, status);
  const env = envelope.data;
  if (!isEnvelopeSuccess(env)) throw rejectedError(env.code, env.msg, status);
  if (env.data === null) return { data: null, vendorCode: env.code };
  const data = schema.safeParse(env.data);
  if (!data.success) throw malformedError(`data does not match the document (${issuePaths(data.error)})`, status);
  return { data: data.data, vendorCode: env.code };
}

export function createWanwangClient(
  config: WanwangClientConfig = wanwangConfig(),
  deps: WanwangClientDeps = { fetch: globalThis.fetch },
): WanwangClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const tokens = deps.tokens ?? sharedTokenProvider(config, deps.fetch);

  async function send(call: Call<z.ZodType>, account: string, token: string): Promise<{ status: number; text: string }> {
    const url = new URL(baseUrl + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      "wwtp-company": config.company,
      "wwtp-account": account,
      Accept: "application/json",
    };
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const res = await deps.fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        // Per attempt, and it also bounds reading the body.
        signal: AbortSignal.timeout(config.timeoutMs),
        // A redirect on this API means a wrong base URL; following it would turn a POST into a GET.
        redirect: "manual",
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      throw transportError(err, `万网 ${call.method} ${call.path}`);
    }
  }

  async function request<T extends z.ZodType>(call: Call<T>): Promise<z.output<T> | null> {
    const ctx = ZCallContext.safeParse(call.ctx);
    if (!ctx.success) throw validationError("call context", ctx.error);
    if (!HEADER_VALUE.test(config.company)) throw new WanwangError("VENDOR_CONFIG", "config", "WANWANG_COMPANY must be visible ASCII (it is sent as a header)");

    const started = performance.now();
    const logFields = { vendor: "wanwang", method: call.method, path: call.path };
    let attempt = 1;
    let status: number | undefined;
    try {
      let token = await tokens.getToken();
      let res = await send(call, ctx.data.account, token);
      if (res.status === 401) {
        // The token was revoked or expired early. A 401 means nothing was processed, so
        // one retry is safe even for netCredit; a second 401 is a configuration problem.
        logger.warn({ ...logFields, status: 401, attempt, durationMs: Math.round(performance.now() - started) }, "wanwang call unauthorized; refreshing token");
        tokens.invalidate(token);
        token = await tokens.getToken();
        attempt = 2;
        res = await send(call, ctx.data.account, token);
        if (res.status === 401) {
          status = 401;
          throw new WanwangError("VENDOR_CONFIG", "config", "万网 refused a freshly issued token (HTTP 401); check the client credentials and WANWANG_COMPANY", { httpStatus: 401 });
        }
      }
      status = res.status;
      const { data, vendorCode } = interpret(res.status, res.text, call.data);
      logger.info({ ...logFields, status, attempt, vendorCode, durationMs: Math.round(performance.now() - started) }, "wanwang call");
      return data;
    } catch (err) {
      const e = err instanceof WanwangError ? err : transportError(err, `万网 ${call.method} ${call.path}`);
      logger.warn(
        { ...logFields, status, attempt, vendorCode: e.vendorCode, kind: e.kind, durationMs: Math.round(performance.now() - started), err: e },
        "wanwang call failed",
      );
      throw e;
    }
  }

  function querySnOf(querySn: string): string {
    const parsed = ZQuerySn.safeParse(querySn);
    if (!parsed.success) throw validationError("querySn", parsed.error);
    return parsed.data;
  }

  return {
    async netCredit(req, ctx) {
      const body = ZNetCreditRequest.safeParse(req);
      if (!body.success) throw validationError("netCredit request", body.error);
      const data = await request({ method: "POST", path: WANWANG_PATHS.netCredit, body: body.data, data: ZNetCreditData, ctx });
      // Success without data leaves us without the querySn: the order exists at 万网 but is unknown here.
      if (!data) throw malformedError("netCredit succeeded without data", 200);
      return data;
    },
    async resultQuery(querySn, ctx) {
      const sn = querySnOf(querySn);
      const data = await request({ method: "GET", path: WANWANG_PATHS.resultQuery, query: { querySn: sn }, data: ZResultQueryData, ctx });
      if (!data) throw malformedError("resultQuery succeeded without data", 200);
      return data;
    },
    async pushOutside(querySn, ctx) {
      const sn = querySnOf(querySn);
      const data = await request({ method: "GET", path: WANWANG_PATHS.pushOutside, query: { querySn: sn }, data: ZPushOutsideData, ctx });
      return data === true;
    },
  };
}
