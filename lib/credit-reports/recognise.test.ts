import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { decryptPii, decryptPiiBytes } from "@/lib/pii/vault";
import { deepfinchVendor } from "@/lib/sandbox/deepfinch";
import { startSandbox } from "@/lib/sandbox/server";
import { createTestUser, testDb } from "@/lib/test/factories";
import { sessionUserOf } from "@/lib/test/risk-factory";
import { MINIMAL_PDF } from "@/lib/vendors/deepfinch/test-pdf";
import { recogniseReport } from "./recognise";
import { uploadCreditReport } from "./upload";

/** Upload → recognition against the DeepFinch twin over HTTP, on a real database. */
const FIXTURES = path.resolve(import.meta.dirname, "../sandbox/deepfinch/fixtures");
const SAMPLE = readFileSync(path.join(FIXTURES, "credit-report-sample-1.pdf"));
const SCANNED = readFileSync(path.join(FIXTURES, "credit-report-scanned.pdf"));

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let analyst: Awaited<ReturnType<typeof createTestUser>>;
const settings = (body: object) =>
  fetch(`${sandbox.url}/deepfinch/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, vendors: [deepfinchVendor], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
  process.env.SANDBOX_PORT = String(sandbox.port);
  resetEnvCache();
  analyst = await createTestUser("RISK_ANALYST");
});
afterAll(() => sandbox?.close());
beforeEach(() => fetch(`${sandbox.url}/deepfinch/_sandbox/settings`, { method: "DELETE" }));

function form(bytes: Uint8Array, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "张三的征信.pdf");
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}
/** A distinct valid PDF per test, so the hash dedupe does not join them. */
const uniquePdf = (tag: string) => Buffer.concat([SAMPLE, Buffer.from(`\n% ${tag}\n%%EOF\n`)]);

describe("credit report upload and recognition", () => {
  it("stores the PDF encrypted, recognises it and keeps the raw answer encrypted with the subject masked", async () => {
    const up = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(uniquePdf("a")));
    expect(up.created).toBe(true);
    expect(await recogniseReport(testDb(), up.reportId)).toBe("done");
    const row = await testDb().creditReport.findUniqueOrThrow({ where: { id: up.reportId } });
    expect(row.status).toBe("DONE");
    expect(row.attempts).toBe(1);
    expect(row.unreadableSections).toEqual([]);
    expect(row.reportNo).toMatch(/^\d{20}$/);
    const raw = JSON.parse(decryptPiiBytes(row.rawAnswerEnc!).toString("utf8"));
    expect(decryptPii(row.subjectIdEnc!)).toBe(raw.creditHeader.idNum);
    expect(row.subjectIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(row.subjectNameMasked).toContain("*");
    expect(row.indicators).toMatchObject({ overdueAccounts: expect.any(Number), totalDebtFen: expect.any(Number) });
    // The stored file is not the PDF in clear.
    const file = await testDb().storedFile.findUniqueOrThrow({ where: { id: row.fileId } });
    expect(file.purpose).toBe("credit-report");
    expect(await recogniseReport(testDb(), up.reportId)).toBe("skipped");
  });

  it("the same bytes open the existing report", async () => {
    const bytes = uniquePdf("same");
    const first = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(bytes));
    const files = await testDb().storedFile.count();
    const again = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(bytes));
    expect(again).toEqual({ reportId: first.reportId, created: false });
    expect(await testDb().storedFile.count()).toBe(files);
  });

  it.each([
    ["not a PDF", Buffer.from("hello %%EOF"), "pdfNotPdf"],
    ["empty", Buffer.alloc(0), "pdfEmpty"],
    ["truncated", SAMPLE.subarray(0, 4000), "pdfTruncated"],
  ])("refuses a file that is %s, storing nothing", async (_l, bytes, key) => {
    const files = await testDb().storedFile.count();
    const reports = await testDb().creditReport.count();
    await expect(uploadCreditReport(testDb(), sessionUserOf(analyst), form(bytes))).rejects.toMatchObject({ code: "VALIDATION", i18n: { key } });
    expect(await testDb().storedFile.count()).toBe(files);
    expect(await testDb().creditReport.count()).toBe(reports);
  });

  it("refuses a link to an order that does not exist", async () => {
    await expect(uploadCreditReport(testDb(), sessionUserOf(analyst), form(uniquePdf("x"), { pretrialOrderId: "nope" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a scan fails with the vendor's DETECTION_FAILED, final", async () => {
    const up = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(SCANNED));
    expect(await recogniseReport(testDb(), up.reportId)).toBe("failed");
    expect(await testDb().creditReport.findUniqueOrThrow({ where: { id: up.reportId } })).toMatchObject({ status: "FAILED", failureCode: "DETECTION_FAILED", failureRetrying: false });
  });

  it("a rate limit is retried until it passes; a minimal PDF without text fails", async () => {
    await settings({ forceStatus: "RATE_LIMIT_EXCEEDED" });
    const up = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(uniquePdf("rate")));
    expect(await recogniseReport(testDb(), up.reportId)).toBe("retry");
    expect(await testDb().creditReport.findUniqueOrThrow({ where: { id: up.reportId } })).toMatchObject({ status: "UPLOADED", failureCode: "RATE_LIMIT_EXCEEDED", failureRetrying: true });
    await settings({ forceStatus: null });
    expect(await recogniseReport(testDb(), up.reportId)).toBe("done");
    expect(await testDb().creditReport.findUniqueOrThrow({ where: { id: up.reportId } })).toMatchObject({ status: "DONE", attempts: 2, failureCode: null });

    const bare = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(MINIMAL_PDF));
    expect(await recogniseReport(testDb(), bare.reportId)).toBe("failed");
  });

  it("gives up on a retryable failure after the last attempt", async () => {
    await settings({ forceStatus: "INTERNAL_ERROR" });
    const up = await uploadCreditReport(testDb(), sessionUserOf(analyst), form(uniquePdf("5xx")));
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await recogniseReport(testDb(), up.reportId));
    expect(outcomes).toEqual(["retry", "retry", "retry", "retry", "failed"]);
    expect(await testDb().creditReport.findUniqueOrThrow({ where: { id: up.reportId } })).toMatchObject({ status: "FAILED", failureCode: "INTERNAL_ERROR" });
  });
});
