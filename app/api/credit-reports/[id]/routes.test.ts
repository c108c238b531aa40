import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uploadCreditReport } from "@/lib/credit-reports/upload";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { sessionUserOf } from "@/lib/test/risk-factory";
import { encryptPiiBytes } from "@/lib/pii/vault";
import { generateReport } from "@/lib/sandbox/deepfinch/generate";
import { rngFromBytes } from "@/lib/sandbox/deepfinch/rng";
import { parseReport } from "@/lib/vendors/deepfinch/report";
import { GET as getAccount } from "./accounts/[tab]/[index]/route";
import { GET as getFile } from "./file/route";
import { GET as getStatus } from "./status/route";

const SAMPLE = readFileSync(path.resolve(import.meta.dirname, "../../../../lib/sandbox/deepfinch/fixtures/credit-report-sample-1.pdf"));
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function uploaded() {
  const analyst = await createTestUser("RISK_ANALYST");
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(Buffer.concat([SAMPLE, Buffer.from(`\n% ${Math.random()}\n%%EOF\n`)]))]), "a.pdf");
  const { reportId } = await uploadCreditReport(testDb(), sessionUserOf(analyst), form);
  return { analyst, reportId };
}

describe("GET /api/credit-reports/[id]/status and /file", () => {
  it("an analyst polls the status (no personal data) and reads the PDF back, audited", async () => {
    const { analyst, reportId } = await uploaded();
    signInAs(analyst);
    const status = await getStatus(new Request(`http://localhost:3000/api/credit-reports/${reportId}/status`), params(reportId));
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id: reportId, status: "UPLOADED", failureCode: null, attempts: 0 });

    const file = await getFile(new Request(`http://localhost:3000/api/credit-reports/${reportId}/file`), params(reportId));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await testDb().auditLog.count({ where: { actorId: analyst.id, action: "credit-report.pdf", targetId: reportId, outcome: "ok" } })).toBe(1);
  });

  it("a loan officer gets neither; an unknown id is 404", async () => {
    const { reportId } = await uploaded();
    signInAs(await createTestUser("LOAN_OFFICER"));
    expect((await getStatus(new Request("http://localhost:3000/x"), params(reportId))).status).toBe(403);
    expect((await getFile(new Request("http://localhost:3000/x"), params(reportId))).status).toBe(403);
    signInAs(await createTestUser("ADMIN"));
    expect((await getStatus(new Request("http://localhost:3000/x"), params("nope"))).status).toBe(404);
  });
});

describe("GET /api/credit-reports/[id]/accounts/[tab]/[index] (an account unfolded in the viewer)", () => {
  async function done() {
    const { analyst, reportId } = await uploaded();
    const raw = generateReport(rngFromBytes(Buffer.from(reportId)), { accountCount: 12 });
    await testDb().creditReport.update({ where: { id: reportId }, data: { status: "DONE", rawAnswerEnc: new Uint8Array(encryptPiiBytes(Buffer.from(JSON.stringify(raw)))) } });
    return { analyst, reportId, raw: parseReport(raw).sections as Record<string, Record<string, unknown>[] | undefined> };
  }
  const at = (id: string, tab: string, index: string) => getAccount(new Request(`http://localhost:3000/api/credit-reports/${id}/accounts/${tab}/${index}`), { params: Promise.resolve({ id, tab, index }) });

  it("answers the account's fields and its months with amounts, audited", async () => {
    const { analyst, reportId, raw } = await done();
    signInAs(analyst);
    const cards = raw.creditAccount ?? [];
    expect(cards.length).toBeGreaterThan(0);
    const res = await at(reportId, "creditCard", "0");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { details: Record<string, unknown>; months: { label: string; state: string | null; amount: string | null }[] };
    expect(body.details.name).toBe(cards[0]!.name);
    expect(body.details).not.toHaveProperty("refundRecord");
    expect(body.months).toHaveLength(60);
    expect(body.months.some((m) => m.amount)).toBe(true);
    expect(await testDb().auditLog.count({ where: { actorId: analyst.id, action: "credit-report.account", targetId: reportId, outcome: "ok" } })).toBe(1);
  });

  it("404 for an unknown tab, index past the end, a bad index or a report not done; 403 for an officer", async () => {
    const { analyst, reportId, raw } = await done();
    signInAs(analyst);
    expect((await at(reportId, "nope", "0")).status).toBe(404);
    expect((await at(reportId, "creditCard", String(raw.creditAccount?.length ?? 0))).status).toBe(404);
    expect((await at(reportId, "creditCard", "-1")).status).toBe(404);
    expect((await at(reportId, "creditCard", "1e3")).status).toBe(404);
    const pending = await uploaded();
    signInAs(pending.analyst);
    expect((await at(pending.reportId, "creditCard", "0")).status).toBe(404);
    signInAs(await createTestUser("LOAN_OFFICER"));
    expect((await at(reportId, "creditCard", "0")).status).toBe(403);
  });
});
