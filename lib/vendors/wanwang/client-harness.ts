import { afterEach, beforeEach, vi } from "vitest";
import { setLogSink, type LogSink } from "@/lib/logger";
import { WANWANG_PATHS, createWanwangClient, type WanwangClientConfig } from "./client";
import * as fx from "./fixtures";
import type { TNetCreditRequest } from "./schemas";
import { startTestVendor, tokenRoute, type TestVendor } from "@/lib/vendors/core/test-server";
import { createTokenProvider } from "./token";

/**
 * Shared by the client test files: a local vendor answering the document's examples, a
 * token endpoint handing out tok-1, tok-2, …, and captured log lines. Test support only.
 */
export function setupClientHarness() {
  const h = {
    server: undefined as unknown as TestVendor,
    logs: [] as string[],
    ctx: { account: "officer01" },
    request: () => JSON.parse(fx.NET_CREDIT_REQUEST) as TNetCreditRequest,
    config(overrides: Partial<WanwangClientConfig> = {}): WanwangClientConfig {
      return {
        baseUrl: `${h.server.url}/`,
        tokenUrl: `${h.server.url}/oauth/token`,
        clientId: "client-a",
        clientSecret: "secret-a",
        company: "CREDITOPS",
        timeoutMs: 2000,
        ...overrides,
      };
    },
    /** A client with its own token cache (and optionally clock), so tests do not share tokens. */
    client(overrides: Partial<WanwangClientConfig> = {}, now?: () => number) {
      const c = h.config(overrides);
      const fetchSpy = vi.fn(globalThis.fetch);
      const tokens = createTokenProvider(c, { fetch: fetchSpy, now });
      return { api: createWanwangClient(c, { fetch: fetchSpy, tokens }), fetchSpy };
    },
  };
  let restoreSink: LogSink;
  beforeEach(async () => {
    h.server = await startTestVendor();
    tokenRoute(h.server);
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: fx.NET_CREDIT_ANSWER }));
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: fx.RESULT_QUERY_ANSWER }));
    h.server.route(`GET ${WANWANG_PATHS.pushOutside}`, () => ({ body: fx.PUSH_OUTSIDE_ANSWER }));
    h.logs.length = 0;
    restoreSink = setLogSink((line) => h.logs.push(line));
  });
  afterEach(async () => {
    setLogSink(restoreSink);
    await h.server.close();
  });
  return h;
}
