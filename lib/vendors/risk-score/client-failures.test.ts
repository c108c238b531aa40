import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { RISK_SCORE_PATHS, createRiskScoreClient } from "./client";
import { VendorError } from "@/lib/vendors/core/errors";
import { startTestVendor } from "@/lib/vendors/core/test-server";
import { seededRng, setupVendorHarness, syntheticPerson } from "./test-harness";

const h = setupVendorHarness();
const input = { ...syntheticPerson(seededRng(11)), zwOrder: "CR26010100002" };
const client = (overrides = {}) => createRiskScoreClient(h.config(overrides), { fetch: globalThis.fetch, now: () => new Date() });
const answer = (body: string | object, extra: { status?: number; delayMs?: number } = {}) =>
  h.server.route(RISK_SCORE_PATHS.getRiskScore, { body, ...extra });
const failure = async () => {
  const err = await client()
    .getRiskScore(input)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VendorError);
  expect(err).toBeInstanceOf(AppError);
  return err as VendorError;
};

describe("risk-score client: vendor codes", () => {
  it("100 → VENDOR_CONFIG (partner id / secret)", async () => {
    answer({ code: 100, msg: "签名不匹配" });
    expect(await failure()).toMatchObject({ vendor: "risk-score", code: "VENDOR_CONFIG", kind: "refused", vendorCode: "100", retryable: false });
  });

  it("2001 and 9001 → VENDOR_REJECTED", async () => {
    answer({ code: 2001, msg: "参数错误！" });
    expect(await failure()).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", vendorCode: "2001" });
    answer({ code: "9001", msg: "请求失败，请检测参数！" });
    expect(await failure()).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", vendorCode: "9001" });
  });

  it("4001 → RATE_LIMITED, retryable", async () => {
    answer({ code: 4001, msg: "请求到上限！" });
    expect(await failure()).toMatchObject({ code: "RATE_LIMITED", kind: "refused", retryable: true });
  });

  it("4002 → VENDOR_CONFIG (callback address)", async () => {
    answer({ code: 4002, msg: "请先配置回调地址！" });
    const err = await failure();
    expect(err).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused", vendorCode: "4002" });
    expect(err.message).toMatch(/callback address/);
  });

  it("4005 → VALIDATION with the missing field", async () => {
    answer({ code: 4005, msg: "回调数据customer_extra_info.name2缺失，请自检!" });
    expect(await failure()).toMatchObject({ code: "VALIDATION", kind: "refused", detail: { missingField: "customer_extra_info.name2" } });
  });

  it("9003 → VENDOR_UNAVAILABLE bad-pull", async () => {
    answer({ code: 9003, msg: "非法返回，请联系相关人员核查！" });
    expect(await failure()).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "refused", vendorCode: "9003", retryable: true });
  });

  it("an unknown code → VENDOR_REJECTED with the msg", async () => {
    answer({ code: 5555, msg: "系统维护" });
    const err = await failure();
    expect(err).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", vendorCode: "5555" });
    expect(err.message).toContain("系统维护");
  });
});

describe("risk-score client: transport and unreadable answers", () => {
  it("timeout → VENDOR_UNAVAILABLE, ambiguous", async () => {
    answer({ code: "1000", msg: "success", data: { score: "707.0" } }, { delayMs: 1000 });
    const started = Date.now();
    const err = await client({ timeoutMs: 150 })
      .getRiskScore(input)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", retryable: true, ambiguous: true });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("connection reset after sending → ambiguous (may have been processed)", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { destroy: true });
    expect(await failure()).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", ambiguous: true });
  });

  it("connection refused → not sent", async () => {
    const closed = await startTestVendor();
    await closed.close();
    const err = await client({ baseUrl: closed.url })
      .getRiskScore(input)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "not_sent", ambiguous: false });
  });

  it("HTTP 5xx → VENDOR_UNAVAILABLE, ambiguous", async () => {
    answer("<html>502 Bad Gateway</html>", { status: 502 });
    expect(await failure()).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", httpStatus: 502, ambiguous: true });
  });

  it("non-JSON 200 → unreadable", async () => {
    answer("<html>maintenance</html>");
    expect(await failure()).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "unreadable", httpStatus: 200, ambiguous: true });
  });

  it("off-shape answers → unreadable", async () => {
    answer({ msg: "success", data: { score: "707.0" } });
    expect(await failure()).toMatchObject({ kind: "unreadable" });
    answer({ code: "1000", msg: "success" });
    expect(await failure()).toMatchObject({ kind: "unreadable" });
    answer({ code: "1000", msg: "success", data: { score: "n/a" } });
    expect(await failure()).toMatchObject({ kind: "unreadable" });
  });

  it("a wrong base URL (404) → VENDOR_CONFIG", async () => {
    const err = await client({ baseUrl: `${h.server.url}/wrong` })
      .getRiskScore(input)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused", httpStatus: 404 });
  });
});
