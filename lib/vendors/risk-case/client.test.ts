import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VendorError } from "@/lib/vendors/core/errors";
import { startTestVendor, type TestVendor } from "@/lib/vendors/core/test-server";
import { createRiskCaseClient } from "./client";
import { DOC_EXAMPLE_ANSWER, DOC_EXAMPLE_ROW } from "./fixtures";
import { signRiskCaseRequest } from "./sign";

let server: TestVendor;
beforeEach(async () => {
  server = await startTestVendor();
});
afterEach(() => server.close());

const client = (overrides: { url?: string; timeoutMs?: number } = {}) =>
  createRiskCaseClient({ url: `${server.url}/api/riskCase/list`, accessId: "acc-1", secret: "sec-1", timeoutMs: 1000, ...overrides });

async function failure(p: Promise<unknown>): Promise<VendorError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorError);
  return err as VendorError;
}

describe("risk-case client", () => {
  it("POSTs signed JSON and reads the document's example answer", async () => {
    server.route("POST /api/riskCase/list", { body: DOC_EXAMPLE_ANSWER });
    const page = await client().queryCases({ page: 1, rows: 20, mercNum: "833163489120001", createTimeStart: "2023-05-01 00:00:00" });
    expect(page.total).toBe(5);
    expect(page.rows[0]).toMatchObject({ ok: true, row: { caseNo: DOC_EXAMPLE_ROW.caseNo } });
    const [req] = server.calls("/api/riskCase/list");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.json).toMatchObject({ page: 1, rows: 20, accessid: "acc-1", mercNum: "833163489120001" });
    const { sign, ...rest } = req.json as Record<string, string | number>;
    expect(sign).toBe(signRiskCaseRequest(rest, "sec-1"));
  });

  it("refuses more than 20 rows before sending", async () => {
    await expect(client().queryCases({ page: 1, rows: 50 })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(server.requests).toHaveLength(0);
  });

  it("a flagged row comes back raw instead of failing the page", async () => {
    server.route("POST /api/riskCase/list", { body: { return_code: 10000, data: { total: "2", rows: [DOC_EXAMPLE_ROW, { caseNo: "X1", createTime: "bad" }] } } });
    const page = await client().queryCases({ page: 1, rows: 20 });
    expect(page.rows.map((r) => r.ok)).toEqual([true, false]);
  });

  it("a non-10000 code is a refusal carrying return_msg", async () => {
    server.route("POST /api/riskCase/list", { body: { return_code: 20001, return_msg: "参数不合法" } });
    const err = await failure(client().queryCases({ page: 1, rows: 20 }));
    expect(err).toMatchObject({ kind: "refused", code: "VENDOR_REJECTED", vendorCode: "20001" });
    expect(err.message).toContain("参数不合法");
  });

  it("a signature refusal points at the configuration", async () => {
    server.route("POST /api/riskCase/list", { body: { return_code: 10001, return_msg: "签名错误" } });
    expect(await failure(client().queryCases({ page: 1, rows: 20 }))).toMatchObject({ code: "VENDOR_CONFIG", retryable: false });
  });

  it("5xx is ambiguous and retryable; 404 is configuration", async () => {
    server.route("POST /api/riskCase/list", { status: 502, body: "bad gateway" });
    expect(await failure(client().queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "ambiguous", retryable: true });
    expect(await failure(client({ url: `${server.url}/wrong` }).queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "refused", code: "VENDOR_CONFIG" });
  });

  it("off-shape and not-JSON answers are unreadable", async () => {
    server.route("POST /api/riskCase/list", { body: "<html>" });
    expect(await failure(client().queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "unreadable" });
    server.route("POST /api/riskCase/list", { body: { return_code: 10000, rows: [DOC_EXAMPLE_ROW] } });
    expect(await failure(client().queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "unreadable" });
  });

  it("timeout is ambiguous; a refused connection was not sent", async () => {
    server.route("POST /api/riskCase/list", { delayMs: 300, body: DOC_EXAMPLE_ANSWER });
    expect(await failure(client({ timeoutMs: 50 }).queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "ambiguous" });
    expect(await failure(client({ url: "http://127.0.0.1:9/x" }).queryCases({ page: 1, rows: 20 }))).toMatchObject({ kind: "not_sent" });
  });
});
