import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { ledgerViolations, ownerBalances } from "./balances";
import { postOperationNow } from "./post";
import { approveReversal, proposeReversal, rejectReversal, waitingReversals, type Person } from "./reversals";

/** Ledger corrections through maker-checker: reason required, four eyes, posted once, audited. */
async function people(): Promise<[Person, Person]> {
  const [a, b] = [await createTestUser("FINANCE"), await createTestUser("ADMIN")];
  return [
    { id: a.id, name: a.username, role: "FINANCE" },
    { id: b.id, name: b.username, role: "ADMIN" },
  ];
}

async function recharge(amount: number) {
  const owner = `R${crypto.randomBytes(4).toString("hex")}`;
  const r = await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${owner}-r`, owner, amount }, { confirmedAt: new Date() });
  if (r.status !== "posted") throw new Error("not posted");
  return { owner, transactionId: r.transactionId };
}

describe("ledger reversals", () => {
  it("needs a reason, refuses the maker's own approval (audited), posts once when a second person approves", async () => {
    const [maker, checker] = await people();
    const { owner, transactionId } = await recharge(5_000);
    await expect(proposeReversal(testDb(), maker, transactionId, "  ")).rejects.toMatchObject({ code: "VALIDATION" });
    const id = await proposeReversal(testDb(), maker, transactionId, "recharge booked twice by hand");
    expect((await waitingReversals(testDb())).map((r) => r.id)).toContain(String(id));
    await expect(proposeReversal(testDb(), checker, transactionId, "again")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveReversal(testDb(), maker, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb().auditLog.count({ where: { action: "ledger.reversal.approve", outcome: "denied", actorId: maker.id } })).toBe(1);
    expect((await ownerBalances(testDb())).get(owner)?.available).toBe(5_000);
    const out = await approveReversal(testDb(), checker, id);
    expect((await ownerBalances(testDb())).get(owner)?.available).toBe(0);
    const reversal = await testDb().ledgerTransaction.findUniqueOrThrow({ where: { id: out.transactionId } });
    expect(reversal.reversesId).toBe(transactionId);
    expect(reversal.memo).toContain("recharge booked twice by hand");
    await expect(approveReversal(testDb(), checker, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(proposeReversal(testDb(), maker, transactionId, "once more")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(proposeReversal(testDb(), maker, out.transactionId, "undo the undo")).rejects.toMatchObject({ code: "INVALID_STATE" });
    const audits = await testDb().auditLog.findMany({ where: { action: { in: ["ledger.reversal.propose", "ledger.reversal.approve"] }, targetId: String(transactionId), outcome: "ok" } });
    expect(audits.map((a) => a.actorId).sort()).toEqual([maker.id, checker.id].sort());
    expect(await ledgerViolations(testDb())).toEqual([]);
  });

  it("a rejected proposal posts nothing; the database refuses an approval by the maker", async () => {
    const [maker, checker] = await people();
    const { owner, transactionId } = await recharge(700);
    const id = await proposeReversal(testDb(), maker, transactionId, "wrong account");
    await rejectReversal(testDb(), checker, id, "it was right");
    expect((await ownerBalances(testDb())).get(owner)?.available).toBe(700);
    await expect(approveReversal(testDb(), checker, id)).rejects.toMatchObject({ code: "CONFLICT" });
    const again = await proposeReversal(testDb(), maker, transactionId, "wrong account after all");
    await expect(testDb().ledgerReversal.update({ where: { id: again }, data: { status: "APPROVED", checkerId: maker.id } })).rejects.toThrow();
  });

  it("refuses a reversal that would overdraw the account, and leaves the proposal waiting", async () => {
    const [maker, checker] = await people();
    const { owner, transactionId } = await recharge(1_000);
    await postOperationNow(testDb(), { kind: "FREEZE", requestNo: `${owner}-f`, owner, amount: 600 }, { confirmedAt: new Date() });
    const id = await proposeReversal(testDb(), maker, transactionId, "test");
    await expect(approveReversal(testDb(), checker, id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await testDb().ledgerReversal.findUniqueOrThrow({ where: { id } })).status).toBe("WAITING");
    expect((await ownerBalances(testDb())).get(owner)).toMatchObject({ available: 400, frozen: 600 });
  });
});
