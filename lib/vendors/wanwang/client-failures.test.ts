import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { WANWANG_PATHS } from "./client";
import { setupClientHarness } from "./client-harness";
import { isAmbiguousFailure } from "@/lib/vendors/core/errors";
import * as fx from "./fixtures";
import type { TNetCreditRequest } from "./schemas";
import { startTestVendor } from "@/lib/vendors/core/test-server";

const h = setupClientHarness();

describe("wanwang client: failures", () => {
  it("code ≠ 0 → VENDOR_REJECTED with the vendor's msg and code", async () => {
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: { code: 1, msg: "三方订单号重复", data: null, ok: false } }));
    const err = await h.client().api.netCredit(h.request(), h.ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ vendor: "wanwang", code: "VENDOR_REJECTED", message: "三方订单号重复", vendorCode: "1", kind: "refused" });
    expect((err as AppError).i18n).toEqual({ key: "VENDOR_REJECTED", values: { reason: "三方订单号重复" } });
    expect(isAmbiguousFailure(err)).toBe(false);
  });

  it("ok: false with code 0 is a refusal too", async () => {
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 0, msg: "查询失败", data: null, ok: false } }));
    await expect(h.client().api.resultQuery("ZX1", h.ctx)).rejects.toMatchObject({ code: "VENDOR_REJECTED", message: "查询失败" });
  });

  it("500 → VENDOR_UNAVAILABLE, ambiguous", async () => {
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ status: 500, body: "Internal Server Error" }));
    const err = await h.client().api.netCredit(h.request(), h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", httpStatus: 500 });
    expect(isAmbiguousFailure(err)).toBe(true);
  });

  it("non-JSON and off-schema 200 → VENDOR_UNAVAILABLE unreadable", async () => {
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: "<html>gateway</html>" }));
    await expect(h.client().api.resultQuery("ZX1", h.ctx)).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "unreadable" });
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 0, msg: null, data: { querySn: 5 }, ok: true } }));
    await expect(h.client().api.resultQuery("ZX1", h.ctx)).rejects.toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "unreadable" });
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ body: { code: 0, msg: null, data: null, ok: true } }));
    await expect(h.client().api.netCredit(h.request(), h.ctx)).rejects.toMatchObject({ kind: "unreadable" });
  });

  it("404 (wrong base URL) → VENDOR_CONFIG", async () => {
    await expect(h.client({ baseUrl: `${h.server.url}/wrong` }).api.resultQuery("ZX1", h.ctx)).rejects.toMatchObject({ code: "VENDOR_CONFIG" });
  });

  it("timeout → VENDOR_UNAVAILABLE, ambiguous (may have been processed)", async () => {
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ delayMs: 1000, body: fx.NET_CREDIT_ANSWER }));
    const started = Date.now();
    const err = await h.client({ timeoutMs: 150 }).api.netCredit(h.request(), h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous" });
    expect(isAmbiguousFailure(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("connection dropped after the request arrived → ambiguous", async () => {
    h.server.route(`POST ${WANWANG_PATHS.netCredit}`, () => ({ destroy: true }));
    const err = await h.client().api.netCredit(h.request(), h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous" });
    expect(isAmbiguousFailure(err)).toBe(true);
  });

  it("connection refused → not sent, not ambiguous", async () => {
    const closed = await startTestVendor();
    await closed.close(); // its port now refuses connections
    const { api } = h.client({ baseUrl: closed.url });
    const err = await api.resultQuery("ZX1", h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "not_sent" });
    expect(isAmbiguousFailure(err)).toBe(false);
  });
});

describe("wanwang client: validation before sending", () => {
  it("a missing required field is refused without any HTTP call", async () => {
    const { api, fetchSpy } = h.client();
    const req = h.request();
    delete (req.personList[0] as Partial<TNetCreditRequest["personList"][0]>).certificateNum;
    const err = await api.netCredit(req, h.ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VALIDATION" });
    expect((err as AppError).fieldErrors).toHaveProperty(["personList.0.certificateNum"]);
    expect(isAmbiguousFailure(err)).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(h.server.requests).toHaveLength(0);
  });

  it("an empty querySn or account is refused without any HTTP call", async () => {
    const { api, fetchSpy } = h.client();
    await expect(api.resultQuery(" ", h.ctx)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.pushOutside("ZX1", { account: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.pushOutside("ZX1", { account: "张三" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe("wanwang client: logging", () => {
  it("logs method, path, status, duration and vendor code, never bodies or personal data", async () => {
    const { api } = h.client();
    await api.netCredit(h.request(), h.ctx);
    h.server.route(`GET ${WANWANG_PATHS.resultQuery}`, () => ({ body: { code: 9, msg: "no", data: null, ok: false } }));
    await api.resultQuery("ZX1", h.ctx).catch(() => undefined);

    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ method: "POST", path: WANWANG_PATHS.netCredit, status: 200, vendorCode: 0, durationMs: expect.any(Number) }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ method: "GET", path: WANWANG_PATHS.resultQuery, vendorCode: "9", kind: "refused" }));
    const all = h.logs.join("\n");
    for (const secret of ["511025199608286174", "5110", "16602832002", "陈朝良", "cxg.chexiaoge.com", "tok-1", "secret-a", "officer01"]) {
      expect(all).not.toContain(secret);
    }
  });
});
