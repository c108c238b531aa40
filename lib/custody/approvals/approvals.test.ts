import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { ownerBalances } from "@/lib/ledger/balances";
import { postOperationNow } from "@/lib/ledger/post";
import type { CustodyPort } from "../requests/port";
import { approveRequest, expireApprovals, proposeRequest, rejectRequest, type Person } from "./approvals";

const person = async (role: "FINANCE" | "LOAN_OFFICER" = "FINANCE"): Promise<Person> => {
  const u = await createTestUser(role);
  return { id: u.id, name: u.username, role };
};

/** Custody that executes what it receives and records it. */
function custody() {
  const received: string[] = [];
  const port: CustodyPort = {
    async direct(_service, reqData) {
      received.push(reqData);
      return { code: "0" };
    },
    async queryTransaction() {
      return { found: false };
    },
  };
  return { port, received };
}

async function freezeProposal() {
  const owner = `AP${crypto.randomBytes(4).toString("hex")}`;
  await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${owner}-r`, owner, amount: 10_000 }, { confirmedAt: new Date() });
  const requestNo = `${owner}-f`;
  return {
    owner,
    proposal: {
      serviceName: "FREEZE" as const,
      requestNo,
      reqData: JSON.stringify({ requestNo, platformUserNo: owner, amount: "30.00" }),
      summary: { platformUserNo: owner, amount: 3000 },
      operation: { kind: "FREEZE" as const, requestNo, owner, amount: 3000 },
      platformUserNo: owner,
      amount: 3000,
    },
  };
}

describe("maker-checker", () => {
  it("sends nothing until a second finance user approves; then logs, sends and posts once; both audited", async () => {
    const [maker, checker] = [await person(), await person()];
    const { owner, proposal } = await freezeProposal();
    const c = custody();
    const id = await proposeRequest(testDb(), maker, proposal);
    expect(c.received).toHaveLength(0);
    expect(await testDb().custodyRequest.findUnique({ where: { requestNo: proposal.requestNo } })).toBeNull();

    const outcome = await approveRequest(testDb(), checker, id, c.port);
    expect(outcome.status).toBe("SUCCEEDED");
    expect(c.received).toEqual([proposal.reqData]);
    expect((await ownerBalances(testDb())).get(owner)).toEqual({ owner, available: 7000, frozen: 3000 });
    const logged = await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo: proposal.requestNo } });
    expect(logged).toMatchObject({ createdById: maker.id, approvalId: id });
    const audit = await testDb().auditLog.findMany({ where: { targetType: "custodyApproval", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["custody.approval.propose", maker.id],
      ["custody.approval.approve", checker.id],
    ]);
    await expect(approveRequest(testDb(), checker, id, c.port)).rejects.toMatchObject({ i18n: { key: "custody.approvalNotWaiting" } });
    expect(c.received).toHaveLength(1);
  });

  it("the maker cannot approve their own request (refusal audited); the database refuses it too", async () => {
    const maker = await person();
    const { proposal } = await freezeProposal();
    const id = await proposeRequest(testDb(), maker, proposal);
    const c = custody();
    await expect(approveRequest(testDb(), maker, id, c.port)).rejects.toMatchObject({ code: "FORBIDDEN", i18n: { key: "custody.approvalSelf" } });
    expect(c.received).toHaveLength(0);
    await expect(testDb().$executeRaw`UPDATE custody_approvals SET checker_id = maker_id WHERE id = ${id}`).rejects.toThrow(/four_eyes/);
    const denied = await testDb().auditLog.findFirst({ where: { targetId: String(id), outcome: "denied" } });
    expect(denied?.actorId).toBe(maker.id);
  });

  it("an expired approval cannot be approved and is marked EXPIRED by the sweep", async () => {
    const [maker, checker] = [await person(), await person()];
    const { proposal } = await freezeProposal();
    const past = new Date(Date.now() - 25 * 60 * 60_000);
    const id = await proposeRequest(testDb(), maker, proposal, past);
    const c = custody();
    await expect(approveRequest(testDb(), checker, id, c.port)).rejects.toMatchObject({ i18n: { key: "custody.approvalExpired" } });
    expect(await expireApprovals(testDb())).toBeGreaterThanOrEqual(1);
    expect((await testDb().custodyApproval.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect(c.received).toHaveLength(0);
  });

  it("a rejected proposal is never sent; only finance may propose or approve", async () => {
    const [maker, checker, officer] = [await person(), await person(), await person("LOAN_OFFICER")];
    const { proposal } = await freezeProposal();
    await expect(proposeRequest(testDb(), officer, proposal)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const id = await proposeRequest(testDb(), maker, proposal);
    await expect(approveRequest(testDb(), officer, id, custody().port)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await rejectRequest(testDb(), checker, id, "wrong amount");
    const c = custody();
    await expect(approveRequest(testDb(), checker, id, c.port)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(c.received).toHaveLength(0);
  });

  it("refuses to route a request that needs no approval through it", async () => {
    const maker = await person();
    const requestNo = `NA${crypto.randomBytes(4).toString("hex")}`;
    await expect(proposeRequest(testDb(), maker, { serviceName: "ESTABLISH_PROJECT", requestNo, reqData: "{}", summary: {} })).rejects.toThrow(/does not go through approval/);
  });
});
