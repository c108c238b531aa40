import { describe, expect, it, vi } from "vitest";
import { WANWANG_PATHS, createWanwangClient } from "./client";
import { setupClientHarness } from "./client-harness";
import { isAmbiguousFailure } from "@/lib/vendors/core/errors";
import * as fx from "./fixtures";
import { tokenRoute } from "@/lib/vendors/core/test-server";

const h = setupClientHarness();

describe("wanwang client: the three calls", () => {
  it("netCredit posts the validated body with the documented headers", async () => {
    const { api } = h.client();
    const data = await api.netCredit(h.request(), h.ctx);
    expect(data.querySn).toBe("ZX2025102942055");
    expect(data.contractUrl).toBe("https://contract-test.wwxckj.com/sign?signLinkId=1983427511380934657");

    const [req] = h.server.calls(WANWANG_PATHS.netCredit);
    expect(req.method).toBe("POST");
    expect(req.headers.authorization).toBe("Bearer tok-1");
    expect(req.headers["wwtp-company"]).toBe("CREDITOPS");
    expect(req.headers["wwtp-account"]).toBe("officer01");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.accept).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual(JSON.parse(fx.NET_CREDIT_REQUEST));
  });

  it("resultQuery and pushOutside send querySn as a query parameter", async () => {
    const { api } = h.client();
    const result = await api.resultQuery("ZX2025110448009", h.ctx);
    expect(result.pretrialStatus).toBe(1);
    expect(result.platformData).toHaveLength(12);
    expect(await api.pushOutside("ZX2025110448009", h.ctx)).toBe(true);
    for (const path of [WANWANG_PATHS.resultQuery, WANWANG_PATHS.pushOutside]) {
      const [req] = h.server.calls(path);
      expect(req.method).toBe("GET");
      expect(req.query.get("querySn")).toBe("ZX2025110448009");
      expect(req.headers["wwtp-account"]).toBe("officer01");
      expect(req.headers["content-type"]).toBeUndefined();
    }
  });

  it("pushOutside with data null is not a confirmation", async () => {
    h.server.route(`GET ${WANWANG_PATHS.pushOutside}`, () => ({ body: { code: 0, msg: null, data: null, ok: true } }));
    expect(await h.client().api.pushOutside("ZX1", h.ctx)).toBe(false);
  });

  it("platformData sent as a JSON string is normalised", async () => {
    const answer = JSON.parse(fx.RESULT_QUERY_ANSWER);
    answer.data.platformData = JSON.stringify(answer.data.platformData);
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: answer }));
    expect((await h.client().api.resultQuery("ZX1", h.ctx)).platformData?.[2].saasPlatformCode).toBe("TONGSHENG");
  });
});

describe("wanwang client: token handling", () => {
  it("fetches the token once and reuses it across calls", async () => {
    const { api } = h.client();
    await api.netCredit(h.request(), h.ctx);
    await api.resultQuery("ZX1", h.ctx);
    await api.pushOutside("ZX1", h.ctx);
    expect(h.server.calls("/oauth/token")).toHaveLength(1);
    expect(h.server.requests.filter((r) => r.path !== "/oauth/token").map((r) => r.headers.authorization)).toEqual(Array(3).fill("Bearer tok-1"));
  });

  it("refreshes 60 s before expiry", async () => {
    let t = 0;
    const { api } = h.client({}, () => t);
    await api.resultQuery("ZX1", h.ctx);
    t = 3_539_000;
    await api.resultQuery("ZX1", h.ctx);
    expect(h.server.calls("/oauth/token")).toHaveLength(1);
    t = 3_540_000;
    await api.resultQuery("ZX1", h.ctx);
    expect(h.server.calls("/oauth/token")).toHaveLength(2);
    expect(h.server.calls(WANWANG_PATHS.resultQuery).at(-1)?.headers.authorization).toBe("Bearer tok-2");
  });

  it("concurrent calls share one token request", async () => {
    tokenRoute(h.server, { delayMs: 100 });
    const { api } = h.client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => api.resultQuery(`ZX${i}`, h.ctx)));
    expect(h.server.calls("/oauth/token")).toHaveLength(1);
  });

  it("without injected tokens, clients of the same credentials share the process cache", async () => {
    const fetchImpl = vi.fn(globalThis.fetch);
    await createWanwangClient(h.config(), { fetch: fetchImpl }).resultQuery("ZX1", h.ctx);
    await createWanwangClient(h.config(), { fetch: fetchImpl }).resultQuery("ZX1", h.ctx);
    expect(h.server.calls("/oauth/token")).toHaveLength(1);
  });

  it("401 → refresh once and retry once", async () => {
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, (req) =>
      req.headers.authorization === "Bearer tok-1" ? { status: 401, body: "" } : { body: fx.NET_CREDIT_ANSWER },
    );
    const { api } = h.client();
    expect((await api.netCredit(h.request(), h.ctx)).querySn).toBe("ZX2025102942055");
    expect(h.server.calls("/oauth/token")).toHaveLength(2);
    expect(h.server.calls(WANWANG_PATHS.netCredit).map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("a second 401 → VENDOR_CONFIG, no third attempt", async () => {
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ status: 401, body: { code: 401, msg: "unauthorized" } }));
    const { api } = h.client();
    const err = await api.resultQuery("ZX1", h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused", httpStatus: 401 });
    expect(isAmbiguousFailure(err)).toBe(false);
    expect(h.server.calls(WANWANG_PATHS.resultQuery)).toHaveLength(2);
    expect(h.server.calls("/oauth/token")).toHaveLength(2);
  });

  it("token endpoint refusing the credentials → VENDOR_CONFIG, business call never sent", async () => {
    h.server.route("POST /oauth/token", () => ({ status: 401, body: { error: "invalid_client" } }));
    await expect(h.client().api.netCredit(h.request(), h.ctx)).rejects.toMatchObject({ code: "VENDOR_CONFIG" });
    expect(h.server.calls(WANWANG_PATHS.netCredit)).toHaveLength(0);
  });
});

