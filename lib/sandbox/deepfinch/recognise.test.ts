/* eslint-disable @typescript-eslint/no-explicit-any -- the twin's JSON is walked as the wire has it; the console's zod model is tested elsewhere */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { putFaults, startTestSandbox } from "../core/test-support";
import type { RunningSandbox } from "../server";
import { deepfinchVendor } from "./index";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const SAMPLE = readFileSync(path.join(FIXTURES, "credit-report-sample-1.pdf"));
const SAMPLE_2 = readFileSync(path.join(FIXTURES, "credit-report-sample-2.pdf"));
const SCANNED = readFileSync(path.join(FIXTURES, "credit-report-scanned.pdf"));
const GOOD = { "X-DF-API-ID": "sandbox-api-id", "X-DF-API-SECRET": "deepfinch-sandbox-secret" };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ vendors: [deepfinchVendor] });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/deepfinch/_sandbox/settings`, { method: "DELETE" });
});

type Part = { file?: Uint8Array | null; filename?: string; autoClassify?: string };
async function post(part: Part = {}, headers: Record<string, string> = GOOD) {
  const form = new FormData();
  const file = part.file === undefined ? SAMPLE : part.file;
  if (file) form.append("file", new Blob([new Uint8Array(file)]), part.filename ?? "report.pdf");
  form.append("auto_classify", part.autoClassify ?? "1");
  const res = await fetch(`${sandbox.url}/deepfinch/ocr/v2/pdf_credit_report_org`, { method: "POST", headers, body: form });
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string; result?: Record<string, any> } };
}
const settings = (body: object) => fetch(`${sandbox.url}/deepfinch/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("DeepFinch twin", () => {
  it("401 UNAUTHORIZED without the right credential headers", async () => {
    expect(await post({}, {})).toMatchObject({ status: 401, body: { status: "UNAUTHORIZED" } });
    expect(await post({}, { ...GOOD, "X-DF-API-SECRET": "wrong" })).toMatchObject({ status: 401, body: { status: "UNAUTHORIZED" } });
  });

  it("400 PARAMETER_MISSING without a file part (the document's example answer)", async () => {
    expect(await post({ file: null })).toEqual({ status: 400, body: { status: "PARAMETER_MISSING", reason: "param is missing or the value is empty: file" } });
    const res = await fetch(`${sandbox.url}/deepfinch/ocr/v2/pdf_credit_report_org`, { method: "POST", headers: { ...GOOD, "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(400);
  });

  it("400 INVALID_ARGUMENT for a file that is not a PDF, over 30 MB, or a bad auto_classify", async () => {
    expect(await post({ file: Buffer.from("GIF89a....") })).toMatchObject({ status: 400, body: { status: "INVALID_ARGUMENT" } });
    expect(await post({ autoClassify: "2" })).toMatchObject({ status: 400, body: { status: "INVALID_ARGUMENT" } });
    const big = Buffer.concat([SAMPLE, Buffer.alloc(30 * 1024 * 1024)]);
    expect(await post({ file: big })).toMatchObject({ status: 400, body: { status: "INVALID_ARGUMENT", reason: "file larger than 30 MB" } });
  });

  it("400 DETECTION_FAILED for a PDF without a text layer", async () => {
    expect(await post({ file: SCANNED })).toMatchObject({ status: 400, body: { status: "DETECTION_FAILED" } });
  });

  it("answers a good file with a rich report, the same for the same bytes and another for other bytes", async () => {
    const a = await post();
    expect(a.status).toBe(200);
    expect(a.body.status).toBe("OK");
    const r = a.body.result!;
    for (const key of ["creditHeader", "personBasicInfo", "infoSummary", "creditTransInfoDetail", "publicInfoDetail", "openInfo", "queryRecord"]) expect(r).toHaveProperty(key);
    expect(r.creditTransInfoDetail.creditAccount.length + r.creditTransInfoDetail.acyclicCreditAccount.length).toBeGreaterThan(0);
    const grid = r.creditTransInfoDetail.creditAccount[0].refundRecord;
    expect(grid.detail.flatMap((y: { month: unknown[] }) => y.month)).toHaveLength(60);
    expect((await post()).body).toEqual(a.body);
    expect((await post({ file: SAMPLE_2 })).body.result!.creditHeader.serialNo).not.toBe(r.creditHeader.serialNo);
  });

  it("makes as many accounts as configured, each with 60 months", async () => {
    await settings({ accountCount: 200 });
    const { body } = await post();
    const d = body.result!.creditTransInfoDetail;
    const accounts = [...d.acyclicCreditAccount, ...d.cyclicalAmountPerAccount, ...d.cyclicalLoanAccount, ...d.creditAccount, ...d.quasiCreditAccount];
    expect(accounts).toHaveLength(200);
    for (const a of accounts) expect(a.refundRecord.detail.flatMap((y: { month: unknown[] }) => y.month)).toHaveLength(60);
  });

  it("answers a forced status from the settings and refuses unknown settings", async () => {
    await settings({ forceStatus: "OUT_OF_QUOTA" });
    expect(await post()).toMatchObject({ status: 403, body: { status: "OUT_OF_QUOTA" } });
    expect((await settings({ accountCnt: 3 })).status).toBe(400);
  });

  it("the shared faults apply (HTTP 500)", async () => {
    await putFaults(sandbox, "deepfinch", { failNext: 1 });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
  });
});
