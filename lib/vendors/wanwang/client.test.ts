import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { setLogSink, type LogSink } from "@/lib/logger";
import { WANWANG_PATHS, createWanwangClient, type WanwangClientConfig } from "./client";
import { isAmbiguousFailure } from "./errors";
import * as fx from "./fixtures";
import type { TNetCreditRequest } from "./schemas";
import { startTestServer, tokenRoute, type TestServer } from "./test-server";
import { createTokenProvider } from "./token";

let server: TestServer;
let restoreSink: LogSink;
const logs: string[] = [];
const ctx = { account: "officer01" };
const request = () => JSON.parse(fx.NET_CREDIT_REQUEST) as TNetCreditRequest;

function config(overrides: Partial<WanwangClientConfig> = {}): WanwangClientConfig {
  return {
    baseUrl: `${server.url}/`,
    tokenUrl: `${server.url}/oauth/token`,
    clientId: "client-a",
    clientSecret: "secret-a",
    company: "CREDITOPS",
    timeoutMs: 2000,
    ...overrides,
  };
}

/** A client with its own token cache, so tests do not share tokens. */
function client(overrides: Partial<WanwangClientConfig> = {}, now?: () => number) {
  const c = config(overrides);
  const fetchSpy = vi.fn(globalThis.fetch);
  const tokens = createTokenProvider(c, { fetch: fetchSpy, now });
  return { api: createWanwangClient(c, { fetch: fetchSpy, tokens }), fetchSpy };
}

beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
  server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: fx.NET_CREDIT_ANSWER }));
  server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: fx.RESULT_QUERY_ANSWER }));
  server.route(`GET ${WANWANG_PATHS.pushOutside}`, () => ({ body: fx.PUSH_OUTSIDE_ANSWER }));
  logs.length = 0;
  restoreSink = setLogSink((line) => logs.push(line));
});
afterEach(async () => {
  setLogSink(restoreSink);
  await server.close();
});

describe("wanwang client: the three calls", () => {
  it("netCredit posts the validated body with the documented headers", async () => {
    const { api } = client();
    const data = await api.netCredit(request(), ctx);
    expect(data.querySn).toBe("ZX2025102942055");
    expect(data.contractUrl).toBe("https://contract-test.wwxckj.com/sign?signLinkId=1983427511380934657");

    const [req] = server.calls(WANWANG_PATHS.netCredit);
    expect(req.method).toBe("POST");
    expect(req.headers.authorization).toBe("Bearer tok-1");
    expect(req.headers["wwtp-company"]).toBe("CREDITOPS");
    expect(req.headers["wwtp-account"]).toBe("officer01");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.accept).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(JSON.parse(fx.NET_CREDIT_REQUEST));
  });

  it("resultQuery and pushOutside send querySn as a query parameter", async () => {
    const { api } = client();
    const result = await api.resultQuery("ZX2025110448009", ctx);
    expect(result.pretrialStatus).toBe(1);
    expect(result.platformData).toHaveLength(12);
    expect(await api.pushOutside("ZX2025110448009", ctx)).toBe(true);
    for (const path of [WANWANG_PATHS.resultQuery, WANWANG_PATHS.pushOutside]) {
      const [req] = server.calls(path);
      expect(req.method).toBe("GET");
      expect(req.query.get("querySn")).toBe("ZX2025110448009");
      expect(req.headers["wwtp-account"]).toBe("officer01");
      expect(req.headers["content-type"]).toBeUndefined();
    }
  });

  it("pushOutside with data null is not a confirmation", async () => {
    server.route(`GET ${WANWANG_PATHS.pushOutside}`, () => ({ body: { code: 0, msg: null, data: null, ok: true } }));
    expect(await client().api.pushOutside("ZX1", ctx)).toBe(false);
  });

  it("platformData sent as a JSON string is normalised", async () => {
    const answer = JSON.parse(fx.RESULT_QUERY_ANSWER);
    answer.data.platformData = JSON.stringify(answer.data.platformData);
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: answer }));
    expect((await client().api.resultQuery("ZX1", ctx)).platformData?.[2].saasPlatformCode).toBe("TONGSHENG");
  });
});

describe("wanwang client: token handling", () => {
  it("fetches the token once and reuses it across calls", async () => {
    const { api } = client();
    await api.netCredit(request(), ctx);
    await api.resultQuery("ZX1", ctx);
    await api.pushOutside("ZX1", ctx);
    expect(server.calls("/oauth/token")).toHaveLength(1);
    expect(server.requests.filter((r) => r.path !== "/oauth/token").map((r) => r.headers.authorization)).toEqual(Array(3).fill("Bearer tok-1"));
  });

  it("refreshes 60 s before expiry", async () => {
    let t = 0;
    const { api } = client({}, () => t);
    await api.resultQuery("ZX1", ctx);
    t = 3_539_000;
    await api.resultQuery("ZX1", ctx);
    expect(server.calls("/oauth/token")).toHaveLength(1);
    t = 3_540_000;
    await api.resultQuery("ZX1", ctx);
    expect(server.calls("/oauth/token")).toHaveLength(2);
    expect(server.calls(WANWANG_PATHS.resultQuery).at(-1)?.headers.authorization).toBe("Bearer tok-2");
  });

  it("concurrent calls share one token request", async () => {
    tokenRoute(server, { delayMs: 100 });
    const { api } = client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => api.resultQuery(`ZX${i}`, ctx)));
    expect(server.calls("/oauth/token")).toHaveLength(1);
  });

  it("without injected tokens, clients of the same credentials share the process cache", async () => {
    const fetchImpl = vi.fn(globalThis.fetch);
    await createWanwangClient(config(), { fetch: fetchImpl }).resultQuery("ZX1", ctx);
    await createWanwangClient(config(), { fetch: fetchImpl }).resultQuery("ZX1", ctx);
    expect(server.calls("/oauth/token")).toHaveLength(1);
  });

  it("401 → refresh once and retry once", async () => {
    server.route(`POST ${WANWANG_PATHS.netCredit}`, (req) =>
      req.headers.authorization === "Bearer tok-1" ? { status: 401, body: "" } : { body: fx.NET_CREDIT_ANSWER },
    );
    const { api } = client();
    expect((await api.netCredit(request(), ctx)).querySn).toBe("ZX2025102942055");
    expect(server.calls("/oauth/token")).toHaveLength(2);
    expect(server.calls(WANWANG_PATHS.netCredit).map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("a second 401 → VENDOR_CONFIG, no third attempt", async () => {
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ status: 401, body: { code: 401, msg: "unauthorized" } }));
    const { api } = client();
    const err = await api.resultQuery("ZX1", ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_CONFIG", kind: "config", httpStatus: 401 });
    expect(isAmbiguousFailure(err)).toBe(false);
    expect(server.calls(WANWANG_PATHS.resultQuery)).toHaveLength(2);
    expect(server.calls("/oauth/token")).toHaveLength(2);
  });

  it("token endpoint refusing the credentials → VENDOR_CONFIG, business call never sent", async () => {
    server.route("POST /oauth/token", () => ({ status: 401, body: { error: "invalid_client" } }));
    await expect(client().api.netCredit(request(), ctx)).rejects.toMatchObject({ code: "VENDOR_CONFIG" });
    expect(server.calls(WANWANG_PATHS.netCredit)).toHaveLength(0);
  });
});

describe("wanwang client: failures", () => {
  it("code ≠ 0 → VENDOR_REJECTED with the vendor's msg and code", async () => {
    server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: { code: 1, msg: "三方订单号重复", data: null, ok: false } }));
    const err = await client().api.netCredit(request(), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "VENDOR_REJECTED", message: "三方订单号重复", vendorCode: 1, kind: "rejected" });
    expect((err as AppError).i18n).toEqual({ key: "VENDOR_REJECTED", values: { reason: "三方订单号重复" } });
    expect(isAmbiguousFailure(err)).toBe(false);
  });

  it("ok: false with code 0 is a refusal too", async () => {
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 0, msg: "查询失败", data: null, ok: false } }));
    await expect(client().api.resultQuery("ZX1", ctx)).rejects.toMatchObject({ code: "VENDOR_REJECTED", message: "查询失败" });
  });

  it("500 → VENDOR_UNAVAILABLE, ambiguous", async () => {
    server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ status: 500, body: "Internal Server Error" }));
    const err = await client().api.netCredit(request(), ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "server_error", httpStatus: 500 });
    expect(isAmbiguousFailure(err)).toBe(true);
  });

  it("non-JSON and off-schema 200 → VENDOR_UNAVAILABLE malformed", async () => {
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: "<html>gateway</html>" }));
    await expect(client().api.resultQuery("ZX1", ctx)).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "malformed" });
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 0, msg: null, data: { querySn: 5 }, ok: true } }));
    await expect(client().api.resultQuery("ZX1", ctx)).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "malformed" });
    server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: { code: 0, msg: null, data: null, ok: true } }));
    await expect(client().api.netCredit(request(), ctx)).rejects.toMatchObject({ kind: "malformed" });
  });

  it("404 (wrong base URL) → VENDOR_CONFIG", async () => {
    await expect(client({ baseUrl: `${server.url}/wrong` }).api.resultQuery("ZX1", ctx)).rejects.toMatchObject({ code: "VENDOR_CONFIG" });
  });

  it("timeout → VENDOR_UNAVAILABLE kind timeout (may have been processed)", async () => {
    server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ delayMs: 1000, body: fx.NET_CREDIT_ANSWER }));
    const started = Date.now();
    const err = await client({ timeoutMs: 150 }).api.netCredit(request(), ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "timeout" });
    expect(isAmbiguousFailure(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("connection dropped after the request arrived → ambiguous", async () => {
    server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ destroy: true }));
    const err = await client().api.netCredit(request(), ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "connection_lost" });
    expect(isAmbiguousFailure(err)).toBe(true);
  });

  it("connection refused → not ambiguous", async () => {
    const closed = await startTestServer();
    await closed.close(); // its port now refuses connections
    const { api } = client({ baseUrl: closed.url });
    const err = await api.resultQuery("ZX1", ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "unreachable" });
    expect(isAmbiguousFailure(err)).toBe(false);
  });
});

describe("wanwang client: validation before sending", () => {
  it("a missing required field is refused without any HTTP call", async () => {
    const { api, fetchSpy } = client();
    const req = request();
    delete (req.personList[0] as Partial<TNetCreditRequest["personList"][0]>).certificateNum;
    const err = await api.netCredit(req, ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VALIDATION" });
    expect((err as AppError).fieldErrors).toHaveProperty(["personList.0.certificateNum"]);
    expect(isAmbiguousFailure(err)).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(0);
  });

  it("an empty querySn or account is refused without any HTTP call", async () => {
    const { api, fetchSpy } = client();
    await expect(api.resultQuery(" ", ctx)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.pushOutside("ZX1", { account: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.pushOutside("ZX1", { account: "张三" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe("wanwang client: logging", () => {
  it("logs method, path, status, duration and vendor code, never bodies or personal data", async () => {
    const { api } = client();
    await api.netCredit(request(), ctx);
    server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 9, msg: "no", data: null, ok: false } }));
    await api.resultQuery("ZX1", ctx).catch(() => undefined);

    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ method: "POST", path: WANWANG_PATHS.netCredit, status: 200, vendorCode: 0, durationMs: expect.any(Number) }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ method: "GET", path: WANWANG_PATHS.resultQuery, vendorCode: 9, kind: "rejected" }));
    const all = logs.join("\n");
    for (const secret of ["511025199608286174", "5110", "16602832002", "陈朝良", "cxg.chexiaoge.com", "tok-1", "secret-a", "officer01"]) {
      expect(all).not.toContain(secret);
    }
  });
});
