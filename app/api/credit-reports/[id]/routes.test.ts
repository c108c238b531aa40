import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { uploadCreditReport } from "@/lib/credit-reports/upload";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { sessionUserOf } from "@/lib/test/risk-factory";
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
