import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { sessionUserOf } from "@/lib/test/risk-factory";
import { generateSyntheticIdNumber } from "@/lib/pii/id-card";
import { protectPii } from "@/lib/pii/vault";
import { listCreditReports, iterateCreditReports } from "./queries";

/** Rows written directly: the list reads columns, not the vendor. */
async function insertReport(uploadedById: string, data: { status?: "DONE" | "FAILED" | "UPLOADED"; overdueFen?: number; reportNo?: string; idNum?: string }) {
  const db = testDb();
  const file = await db.storedFile.create({ data: { purpose: "credit-report", mimeType: "application/pdf", sizeBytes: 1, sha256: randomBytes(32).toString("hex"), storagePath: "files/x.bin" } });
  const id = data.idNum ? protectPii(data.idNum, "id") : null;
  return db.creditReport.create({
    data: {
      fileId: file.id, fileSha256: file.sha256, fileSizeBytes: 1, status: data.status ?? "DONE", uploadedById,
      rawAnswerEnc: data.status === "DONE" || !data.status ? new Uint8Array([1]) : null, failureCode: data.status === "FAILED" ? "DETECTION_FAILED" : null,
      reportNo: data.reportNo ?? null, overdueAmountFen: data.overdueFen === undefined ? null : BigInt(data.overdueFen),
      subjectIdEnc: id?.enc, subjectIdIdx: id?.idx, subjectIdMasked: data.idNum ? "masked" : null,
      indicators: { queries3m: 1, overdueAccounts: 0, overdueAmountFen: data.overdueFen ?? 0, worstStatus24m: "N", cardUtilisationBp: null, totalDebtFen: 0, flags: [] },
    },
  });
}

describe("credit-report list", () => {
  it("filters by status, current overdue, report number and ID number (blind index); officers are refused", async () => {
    const analyst = sessionUserOf(await createTestUser("RISK_ANALYST"));
    const tag = randomBytes(4).toString("hex");
    const idNum = generateSyntheticIdNumber(Math.random);
    const a = await insertReport(analyst.id, { overdueFen: 12_300, reportNo: `RN-${tag}-a` });
    const b = await insertReport(analyst.id, { status: "FAILED", reportNo: `RN-${tag}-b` });
    const c = await insertReport(analyst.id, { overdueFen: 0, idNum });
    const page = { cursor: null, perPage: 50, sort: { field: "createdAt" as const, dir: "desc" as const } };
    const ids = async (f: Parameters<typeof listCreditReports>[2]) => (await listCreditReports(testDb(), analyst, f, page)).rows.map((r) => r.id);

    expect(await ids({ q: `RN-${tag}-a` })).toEqual([a.id]);
    expect(await ids({ q: idNum })).toEqual([c.id]);
    expect(await ids({ q: idNum.toLowerCase() })).toEqual([c.id]);
    expect(await ids({ status: "FAILED", q: `RN-${tag}-b` })).toEqual([b.id]);
    const overdue = await ids({ overdueOnly: true });
    expect(overdue).toContain(a.id);
    expect(overdue).not.toContain(c.id);
    const all = [];
    for await (const r of iterateCreditReports(testDb(), analyst, { q: `RN-${tag}-a` }, page.sort)) all.push(r.id);
    expect(all).toEqual([a.id]);

    const officer = sessionUserOf(await createTestUser("LOAN_OFFICER"));
    await expect(listCreditReports(testDb(), officer, {}, page)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
