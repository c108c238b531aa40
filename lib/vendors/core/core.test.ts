import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { setLogSink, type LogSink } from "@/lib/logger";
import { callVendor, type VendorCall } from "./call";
import { VendorError, isAmbiguousFailure } from "./errors";
import { safeJson } from "./json";
import { startTestVendor, type TestVendor } from "./test-server";
import { classifyTransportError } from "./transport";
import { validationError } from "./validation";

const withCode = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

describe("transport classifier (one for every vendor)", () => {
  it.each([
    ["timeout", new DOMException("The operation was aborted due to timeout", "TimeoutError"), "ambiguous"],
    ["abort", new DOMException("aborted", "AbortError"), "ambiguous"],
    ["reset after sending", withCode("ECONNRESET"), "ambiguous"],
    ["socket closed", withCode("UND_ERR_SOCKET"), "ambiguous"],
    ["unknown", new Error("weird"), "ambiguous"],
    ["refused", withCode("ECONNREFUSED"), "not_sent"],
    ["DNS", withCode("ENOTFOUND"), "not_sent"],
    ["connect timeout", withCode("UND_ERR_CONNECT_TIMEOUT"), "not_sent"],
    ["invalid URL", Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL" }), "not_sent"],
    ["undici bad port", Object.assign(new TypeError("fetch failed"), { cause: new Error("bad port") }), "not_sent"],
  ])("%s → %s", (_name, err, kind) => {
    for (const vendor of ["wanwang", "risk-score"]) {
      const e = classifyTransportError(vendor, err, `${vendor} POST /x`);
      expect(e).toMatchObject({ vendor, kind, code: "VENDOR_UNAVAILABLE", retryable: true });
      expect(isAmbiguousFailure(e)).toBe(kind === "ambiguous");
    }
  });
});

describe("VendorError and isAmbiguousFailure", () => {
  it("unreadable counts as ambiguous; refused and not_sent do not", () => {
    const e = (kind: VendorError["kind"]) => new VendorError("v", kind, "VENDOR_UNAVAILABLE", "m");
    expect([e("not_sent"), e("ambiguous"), e("refused"), e("unreadable")].map(isAmbiguousFailure)).toEqual([false, true, false, true]);
  });

  it("errors it did not make: our own AppError is not ambiguous, anything else is", () => {
    expect(isAmbiguousFailure(new AppError("VALIDATION", "bad input"))).toBe(false);
    expect(isAmbiguousFailure(new Error("unknown"))).toBe(true);
  });

  it("retryable defaults: not for refusals or configuration errors", () => {
    expect(new VendorError("v", "refused", "VENDOR_REJECTED", "m").retryable).toBe(false);
    expect(new VendorError("v", "not_sent", "VENDOR_CONFIG", "m").retryable).toBe(false);
    expect(new VendorError("v", "ambiguous", "VENDOR_UNAVAILABLE", "m").retryable).toBe(true);
    expect(new VendorError("v", "refused", "RATE_LIMITED", "m", { retryable: true, vendorCode: 4001 })).toMatchObject({ retryable: true, vendorCode: "4001" });
  });
});

describe("zod helpers and safeJson", () => {
  it("validation errors name paths and rules, never values", () => {
    const parsed = z.object({ idNum: z.string().regex(/^\d{17}[\dX]$/, "idNumber") }).safeParse({ idNum: "51102519960828617" });
    const e = validationError("request", parsed.error!);
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { idNum: ["idNumber"] } });
    expect(e.message).not.toContain("51102519960828617");
  });

  it("safeJson", () => {
    expect(safeJson('{"a":1}')).toEqual({ a: 1 });
    expect(safeJson("<html>")).toBeUndefined();
  });
});

describe("callVendor", () => {
  let server: TestVendor;
  let restore: LogSink;
  const logs: string[] = [];
  beforeEach(async () => {
    server = await startTestVendor();
    logs.length = 0;
    restore = setLogSink((line) => logs.push(line));
  });
  afterEach(async () => {
    setLogSink(restore);
    await server.close();
  });

  const ZAnswer = z.object({ code: z.number(), name: z.string() });
  const call = (overrides: Partial<VendorCall<typeof ZAnswer, string>> = {}) =>
    callVendor<typeof ZAnswer, string>({
      vendor: "test",
      method: "POST",
      baseUrl: `${server.url}/`,
      path: "/api",
      body: { json: { mobile: "16602832002" } },
      timeoutMs: 1000,
      onStatus: (status) => new VendorError("test", status >= 500 ? "ambiguous" : "refused", "VENDOR_REJECTED", `HTTP ${status}`, { httpStatus: status }),
      answer: ZAnswer,
      interpret: (a) => {
        if (a.code !== 0) throw new VendorError("test", "refused", "VENDOR_REJECTED", "no", { vendorCode: a.code });
        return { result: a.name, vendorCode: a.code };
      },
      ...overrides,
    });

  it("parses the answer, sends JSON, logs vendor/method/path/status/duration/code without bodies", async () => {
    server.route("POST /api", { body: { code: 0, name: "陈朝良" } });
    await expect(call()).resolves.toBe("陈朝良");
    expect(server.calls("/api")[0].json).toEqual({ mobile: "16602832002" });
    expect(server.calls("/api")[0].headers["content-type"]).toBe("application/json");
    const line = JSON.parse(logs[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ vendor: "test", method: "POST", path: "/api", status: 200, vendorCode: 0, durationMs: expect.any(Number) });
    expect(logs.join("\n")).not.toMatch(/16602832002|陈朝良/);
  });

  it("an off-shape answer is unreadable, naming issue paths only", async () => {
    server.route("POST /api", { body: { code: 0, name: 16602832002 } });
    const err = (await call().catch((e: unknown) => e)) as VendorError;
    expect(err).toMatchObject({ kind: "unreadable", httpStatus: 200 });
    expect(err.message).toContain("name");
    expect(err.message).not.toContain("16602832002");
    expect(logs.join("\n")).not.toContain("16602832002");
  });

  it("does not follow redirects (a wrong base URL must not turn a POST into a GET)", async () => {
    server.route("POST /api", { status: 302, body: "" });
    await expect(call()).rejects.toMatchObject({ kind: "refused", httpStatus: 302 });
  });

  it("times out per attempt: ambiguous", async () => {
    server.route("POST /api", { delayMs: 500, body: { code: 0, name: "x" } });
    await expect(call({ timeoutMs: 100 })).rejects.toMatchObject({ kind: "ambiguous" });
    expect(JSON.parse(logs[0])).toMatchObject({ level: "warn", vendor: "test", kind: "ambiguous" });
  });

  it("a form body is sent url-encoded", async () => {
    server.route("POST /api", { body: { code: 0, name: "x" } });
    await call({ body: { form: new URLSearchParams({ a: "1" }) } });
    expect(server.calls("/api")[0]).toMatchObject({ body: "a=1", headers: expect.objectContaining({ "content-type": "application/x-www-form-urlencoded" }) });
  });
});
