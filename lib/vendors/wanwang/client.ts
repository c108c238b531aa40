import "server-only";
import { z } from "zod";
import { callVendor, parseAnswerPart } from "@/lib/vendors/core/call";
import { VendorError, unreadableError } from "@/lib/vendors/core/errors";
import { parseOrThrow } from "@/lib/vendors/core/validation";
import { wanwangConfig, type WanwangConfig } from "@/lib/vendors/config";
import { httpStatusError, rejectedError, unauthorizedError } from "./errors";
import { wanwangManifest } from "./manifest";
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
 * design.md §3), on the shared `callVendor` (timeout, no redirects, zod-parsed answer, log
 * without bodies). Every request is validated before it is sent. What is 万网's own: the
 * envelope rule (`code == 0 && ok`), the OAuth token and the 401 → refresh → retry once.
 */
const VENDOR = wanwangManifest.name;

export type WanwangClientConfig = Pick<WanwangConfig, "baseUrl" | "tokenUrl" | "clientId" | "clientSecret" | "company" | "timeoutMs">;
export type WanwangClientDeps = {
  /** Default: the global fetch (and then the process-wide token cache). */
  fetch?: typeof fetch;
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

/** A non-2xx body may still be the envelope, whose code and msg say more than the status. */
function onStatus(status: number, json: unknown): VendorError {
  const envelope = ZEnvelope.safeParse(json);
  return httpStatusError(status, envelope.success ? envelope.data : undefined);
}

export function createWanwangClient(
  config: WanwangClientConfig = wanwangConfig(),
  deps: WanwangClientDeps = {},
): WanwangClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const tokens = deps.tokens ?? sharedTokenProvider(config, deps.fetch);

  function send<T extends z.ZodType>(call: Call<T>, account: string, token: string, attempt: number): Promise<z.output<T> | null> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "wwtp-account": account };
    if (config.company) headers["wwtp-company"] = config.company;
    return callVendor({
      vendor: VENDOR,
      method: call.method,
      baseUrl,
      path: call.path,
      query: call.query,
      headers,
      body: call.body === undefined ? undefined : { json: call.body },
      timeoutMs: config.timeoutMs,
      fetch: deps.fetch,
      onStatus,
      answer: ZEnvelope,
      interpret: (env, status) => {
        if (!isEnvelopeSuccess(env)) throw rejectedError(env.code, env.msg, status);
        const data = env.data === null ? null : parseAnswerPart(VENDOR, call.data, env.data, status, "data");
        return { result: data, vendorCode: env.code };
      },
      log: { attempt },
    });
  }

  async function request<T extends z.ZodType>(call: Call<T>): Promise<z.output<T> | null> {
    const ctx = parseOrThrow(ZCallContext, call.ctx, "万网 call context");
    if (config.company !== undefined && !HEADER_VALUE.test(config.company)) {
      throw new VendorError(VENDOR, "not_sent", "VENDOR_CONFIG", "WANWANG_COMPANY must be visible ASCII (it is sent as a header)");
    }
    const token = await tokens.getToken();
    try {
      return await send(call, ctx.account, token, 1);
    } catch (err) {
      if (!(err instanceof VendorError && err.httpStatus === 401)) throw err;
      // The token was revoked or expired early. A 401 means nothing was processed, so one
      // retry is safe even for netCredit; a second 401 is a configuration problem.
      tokens.invalidate(token);
      const fresh = await tokens.getToken();
      try {
        return await send(call, ctx.account, fresh, 2);
      } catch (again) {
        throw again instanceof VendorError && again.httpStatus === 401 ? unauthorizedError() : again;
      }
    }
  }

  function querySnOf(querySn: string): string {
    return parseOrThrow(ZQuerySn, querySn, "万网 querySn");
  }

  return {
    async netCredit(req, ctx) {
      const body = parseOrThrow(ZNetCreditRequest, req, "万网 netCredit request");
      const data = await request({ method: "POST", path: WANWANG_PATHS.netCredit, body, data: ZNetCreditData, ctx });
      // Success without data leaves us without the querySn: the order exists at 万网 but is unknown here.
      if (!data) throw unreadableError(VENDOR, "netCredit succeeded without data", 200);
      return data;
    },
    async resultQuery(querySn, ctx) {
      const sn = querySnOf(querySn);
      const data = await request({ method: "GET", path: WANWANG_PATHS.resultQuery, query: { querySn: sn }, data: ZResultQueryData, ctx });
      if (!data) throw unreadableError(VENDOR, "resultQuery succeeded without data", 200);
      return data;
    },
    async pushOutside(querySn, ctx) {
      const sn = querySnOf(querySn);
      const data = await request({ method: "GET", path: WANWANG_PATHS.pushOutside, query: { querySn: sn }, data: ZPushOutsideData, ctx });
      return data === true;
    },
  };
}
