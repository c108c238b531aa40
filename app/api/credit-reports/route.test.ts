import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { POST } from "./route";

const URL_ = "http://localhost:3000/api/credit-reports";
const SAMPLE = readFileSync(path.resolve(import.meta.dirname, "../../../lib/sandbox/deepfinch/fixtures/credit-report-sample-2.pdf"));

function upload(bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "report.pdf");
  return POST(new Request(URL_, { method: "POST", body: form, headers: { origin: "http://localhost:3000" } }));
}

describe("POST /api/credit-reports", () => {
  it("an analyst uploads (201), the same file again opens the same report (200)", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const bytes = Buffer.concat([SAMPLE, Buffer.from("\n% route\n%%EOF\n")]);
    const first = await upload(bytes);
    expect(first.status).toBe(201);
    const a = (await first.json()) as { reportId: string; created: boolean };
    const again = await upload(bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ reportId: a.reportId, created: false });
  });

  it("a loan officer is refused and nothing is stored", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    signInAs(officer);
    expect((await upload(SAMPLE)).status).toBe(403);
    expect(await testDb().storedFile.count({ where: { createdById: officer.id } })).toBe(0);
  });

  it("not a PDF: 400 with a translated message", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const res = await upload(Buffer.from("GIF89a"));
    expect(res.status).toBe(400);
    // The message is errors.pdfNotPdf in the user's language (the test setup answers keys).
    expect(await res.json()).toMatchObject({ error: "VALIDATION", message: expect.stringMatching(/PDF|pdfNotPdf/) });
  });

  it("over 30 MB: 413 while streaming", async () => {
    signInAs(await createTestUser("RISK_ANALYST"));
    const res = await upload(Buffer.concat([SAMPLE, Buffer.alloc(31 * 1024 * 1024)]));
    expect(res.status).toBe(413);
  });
});
