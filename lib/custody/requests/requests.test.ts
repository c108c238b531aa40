import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { ownerBalances } from "@/lib/ledger/balances";
import { VendorError } from "@/lib/vendors/core/errors";
import type { LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { loadRequest, postWaiting, recordRequest, settleFailure, settleSuccess } from "./log";
import { RETRY_POLICIES } from "./policy";
import type { CustodyPort } from "./port";
import { sendLogged } from "./send";

/**
 * A scripted custody side: executes each requestNo once (idempotent interfaces answer the
 * first result again), can lose the answer after executing, and answers QUERY_TRANSACTION
 * from what it executed. It also checks that every request it receives was logged first.
 */
function custodyDouble(script: { loseAnswers?: number; dropBeforeExecuting?: number; refuse?: boolean } = {}) {
  const executed = new Map<string, number>();
  let sends = 0;
  let queries = 0;
  let lose = script.loseAnswers ?? 0;
  let drop = script.dropBeforeExecuting ?? 0;
  const port: CustodyPort = {
    async direct(serviceName: LanmaoServiceName, reqData: string) {
      sends++;
      const requestNo = String((JSON.parse(reqData) as { requestNo: string }).requestNo);
      const logged = await loadRequest(testDb(), requestNo);
      if (logged?.status !== "SENT" || logged.reqData !== reqData) throw new Error("request reached custody without being logged as sent");
      if (drop > 0) {
        drop--;
        throw new VendorError("lanmao", "ambiguous", "VENDOR_UNAVAILABLE", "timeout before custody executed it");
      }
      if (script.refuse) throw new VendorError("lanmao", "refused", "VENDOR_REJECTED", "custody refused", { vendorCode: "100001" });
      executed.set(requestNo, (executed.get(requestNo) ?? 0) + 1);
      if (lose > 0) {
        lose--;
        throw new VendorError("lanmao", "ambiguous", "VENDOR_UNAVAILABLE", "timeout after custody executed it");
      }
      return { code: "0", description: "成功" };
    },
    async queryTransaction(requestNo) {
      queries++;
      return executed.has(requestNo)
        ? { found: true, status: "SUCCESS", transactionTime: new Date("2026-12-01T01:00:00Z"), record: { code: "0", requestNo } }
        : { found: false };
    },
  };
  return { port, executed, counts: () => ({ sends, queries }) };
}

const uid = () => `RQ${crypto.randomBytes(4).toString("hex")}`;

async function logRecharge(owner: string, amount: number) {
  const requestNo = `${owner}-rc`;
  await recordRequest(testDb(), {
    requestNo,
    serviceName: "RECHARGE",
    reqData: JSON.stringify({ requestNo, platformUserNo: owner, amount: "100.00" }),
    operation: { kind: "RECHARGE", requestNo, owner, amount },
    platformUserNo: owner,
    amount,
  });
  await testDb().$transaction((tx) => settleSuccess(tx, requestNo, { confirmedAt: new Date() }));
}

async function logFreeze(owner: string, amount: number) {
  const requestNo = `${owner}-fz`;
  await recordRequest(testDb(), {
    requestNo,
    serviceName: "FREEZE",
    reqData: JSON.stringify({ requestNo, platformUserNo: owner, amount: (amount / 100).toFixed(2) }),
    operation: { kind: "FREEZE", requestNo, owner, amount },
    platformUserNo: owner,
    amount,
  });
  return requestNo;
}

describe("retry policy as data", () => {
  it("resends the document's idempotent interfaces and queries first for the others", () => {
    expect(RETRY_POLICIES.CONFIRM_LOAN).toMatchObject({ afterTimeout: "resend_same_request_no", needsApproval: true, outcomeFrom: "answer" });
    expect(RETRY_POLICIES.FREEZE.afterTimeout).toBe("resend_same_request_no");
    expect(RETRY_POLICIES.ESTABLISH_PROJECT).toMatchObject({ afterTimeout: "query_first", needsApproval: false });
    expect(RETRY_POLICIES.MODIFY_PROJECT).toMatchObject({ afterTimeout: "query_first", needsApproval: true });
    expect(RETRY_POLICIES.RECHARGE).toMatchObject({ afterTimeout: "query_first", outcomeFrom: "notify", needsApproval: false });
    expect(RETRY_POLICIES.QUERY_TRANSACTION.logged).toBe(false);
  });

  it("asks a second approval for every money-moving direct call except the POS order, which moves nothing until the customer pays", () => {
    const approved = Object.values(RETRY_POLICIES).filter((p) => p.needsApproval).map((p) => p.serviceName).sort();
    expect(approved).toEqual(
      [
        "CANCEL_PRE_TRANSACTION",
        "CONFIRM_COMPENSATORY",
        "CONFIRM_DEBENTURE_TRANSFER",
        "CONFIRM_LOAN",
        "CONFIRM_PLATFORM_MARKETING",
        "CONFIRM_REPAYMENT",
        "FREEZE",
        "MODIFY_PROJECT",
        "PLATFORM_PRE_TRANSACTION",
        "UNFREEZE",
      ].sort(),
    );
    expect(RETRY_POLICIES.POS_RECHARGE).toMatchObject({ needsApproval: false, afterTimeout: "query_first", outcomeFrom: "answer" });
    expect(RETRY_POLICIES.POS_BUILD_BARCODE).toMatchObject({ needsApproval: false, outcomeFrom: "notify" });
  });

  it("the approval queue refuses a POS order: it is sent at once, as docs/custody.md says", async () => {
    const { proposeRequest } = await import("../approvals/approvals");
    const maker = { id: "u-pos", name: "pos", role: "FINANCE" as const };
    await expect(proposeRequest(testDb(), maker, { serviceName: "POS_RECHARGE", requestNo: `POS${uid()}`, reqData: "{}", summary: {} })).rejects.toThrow(/does not go through approval/);
  });
});

describe("request log", () => {
  it("an idempotent confirmation whose answer is lost is resent with the same requestNo and posted once", async () => {
    const u = uid();
    await logRecharge(u, 10_000);
    const requestNo = await logFreeze(u, 2500);
    const custody = custodyDouble({ loseAnswers: 1 });
    const outcome = await sendLogged(testDb(), custody.port, requestNo);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(custody.counts()).toEqual({ sends: 2, queries: 0 });
    expect((await ownerBalances(testDb())).get(u)).toEqual({ owner: u, available: 7500, frozen: 2500 });
    // Sending again changes nothing: the request is final.
    expect(await sendLogged(testDb(), custody.port, requestNo)).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(custody.counts().sends).toBe(2);
    expect((await ownerBalances(testDb())).get(u)?.frozen).toBe(2500);
  });

  it("a non-idempotent request whose answer is lost is resolved by QUERY_TRANSACTION, never resent", async () => {
    const u = uid();
    const requestNo = `${u}-ep`;
    const reqData = { requestNo, platformUserNo: u, projectNo: `${u}P`, projectAmount: "5000.00", projectName: "n", projectType: "STANDARDPOWDER", annnualInterestRate: "0.08", repaymentWay: "ONE_TIME_SERVICING" };
    await recordRequest(testDb(), { requestNo, serviceName: "ESTABLISH_PROJECT", reqData: JSON.stringify(reqData), projectNo: `${u}P` });
    const custody = custodyDouble({ loseAnswers: 1 });
    expect(await sendLogged(testDb(), custody.port, requestNo)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    expect(custody.counts()).toEqual({ sends: 1, queries: 1 });
    expect(custody.executed.get(requestNo)).toBe(1);
    const project = await testDb().custodyProject.findUniqueOrThrow({ where: { projectNo: `${u}P` } });
    expect(project).toMatchObject({ status: "COLLECTING", amount: 500_000n, borrower: u });
  });

  it("a non-idempotent request custody never saw is resent once with the same requestNo", async () => {
    const u = uid();
    const requestNo = `${u}-ep`;
    const reqData = { requestNo, platformUserNo: u, projectNo: `${u}P`, projectAmount: "10.00", projectName: "n", projectType: "STANDARDPOWDER", annnualInterestRate: "0.1", repaymentWay: "ONE_TIME_SERVICING" };
    await recordRequest(testDb(), { requestNo, serviceName: "ESTABLISH_PROJECT", reqData: JSON.stringify(reqData) });
    const custody = custodyDouble({ dropBeforeExecuting: 1 });
    expect(await sendLogged(testDb(), custody.port, requestNo)).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(custody.counts()).toEqual({ sends: 2, queries: 1 });
  });

  it("stops after the policy's attempts and leaves the request UNKNOWN for the worker", async () => {
    const u = uid();
    await logRecharge(u, 1000);
    const requestNo = await logFreeze(u, 100);
    const custody = custodyDouble({ dropBeforeExecuting: 10 });
    expect(await sendLogged(testDb(), custody.port, requestNo)).toMatchObject({ status: "UNKNOWN", attempts: RETRY_POLICIES.FREEZE.maxAttempts });
    expect((await ownerBalances(testDb())).get(u)?.frozen).toBe(0);
  });

  it("a refusal is FAILED and posts nothing; a late success cannot revive it", async () => {
    const u = uid();
    await logRecharge(u, 1000);
    const requestNo = await logFreeze(u, 100);
    expect(await sendLogged(testDb(), custodyDouble({ refuse: true }).port, requestNo)).toMatchObject({ status: "FAILED" });
    expect(await testDb().$transaction((tx) => settleSuccess(tx, requestNo, { confirmedAt: new Date() }))).toEqual({ changed: false, ledger: "NONE" });
    await expect(testDb().$executeRaw`UPDATE custody_requests SET status = 'SUCCEEDED' WHERE request_no = ${requestNo}`).rejects.toThrow(/FAILED already/);
    expect((await ownerBalances(testDb())).get(u)).toEqual({ owner: u, available: 1000, frozen: 0 });
    expect(await settleFailure(testDb(), requestNo, { code: "1" })).toBe(false);
  });

  it("keeps the body encrypted and only a masked copy readable", async () => {
    const u = uid();
    const requestNo = `${u}-reg`;
    const reqData = { requestNo, platformUserNo: u, realName: "张三丰", idCardNo: "11010519491231002X", mobile: "13912345678", bankcardNo: "6222020200112233445" };
    await recordRequest(testDb(), { requestNo, serviceName: "PERSONAL_REGISTER", reqData: JSON.stringify(reqData) });
    const row = await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } });
    const stored = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const secret of ["11010519491231002X", "13912345678", "6222020200112233445", "张三丰"]) expect(stored).not.toContain(secret);
    expect((await loadRequest(testDb(), requestNo))?.reqData).toBe(JSON.stringify(reqData));
  });

  it("a confirmation that arrives before the hold it draws on waits, then posts when the hold is known", async () => {
    const u = uid();
    await logRecharge(u, 5000);
    const hold = await logFreeze(u, 3000);
    const unfreeze = `${u}-uf`;
    await recordRequest(testDb(), {
      requestNo: unfreeze,
      serviceName: "UNFREEZE",
      reqData: JSON.stringify({ requestNo: unfreeze, oriRequestNo: hold }),
      operation: { kind: "UNFREEZE", requestNo: unfreeze, oriRequestNo: hold },
    });
    expect(await testDb().$transaction((tx) => settleSuccess(tx, unfreeze, { confirmedAt: new Date() }))).toEqual({ changed: true, ledger: "WAITING" });
    await testDb().$transaction((tx) => settleSuccess(tx, hold, { confirmedAt: new Date() }));
    expect(await postWaiting(testDb())).toBeGreaterThanOrEqual(1);
    expect((await ownerBalances(testDb())).get(u)).toEqual({ owner: u, available: 5000, frozen: 0 });
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo: unfreeze } })).ledgerStatus).toBe("POSTED");
  });
});

describe("project status in the database", () => {
  it("never moves backwards, not even through a late confirmation", async () => {
    const p = `PJ${crypto.randomBytes(4).toString("hex")}`;
    await testDb().$executeRaw`INSERT INTO custody_projects (project_no, borrower, name, project_type, annual_rate, repayment_way, amount, status)
      VALUES (${p}, 'B', 'n', 'STANDARDPOWDER', '0.1', 'ONE_TIME_SERVICING', 1000, 'REPAYING')`;
    await expect(testDb().$executeRaw`UPDATE custody_projects SET status = 'COLLECTING' WHERE project_no = ${p}`).rejects.toThrow(/cannot go from REPAYING to COLLECTING/);
    await expect(testDb().$executeRaw`UPDATE custody_projects SET amount = 2000 WHERE project_no = ${p}`).rejects.toThrow(/only while collecting/);
    await testDb().$executeRaw`UPDATE custody_projects SET status = 'FINISH' WHERE project_no = ${p}`;
    await expect(testDb().$executeRaw`UPDATE custody_projects SET status = 'REPAYING' WHERE project_no = ${p}`).rejects.toThrow(/cannot go/);
  });
});

describe("project effects of confirmed requests", () => {
  it("a late MODIFY_PROJECT confirmation is recorded but does not move the project backwards", async () => {
    const u = `PM${crypto.randomBytes(4).toString("hex")}`;
    const p = `${u}P`;
    await testDb().$executeRaw`INSERT INTO custody_projects (project_no, borrower, name, project_type, annual_rate, repayment_way, amount, status)
      VALUES (${p}, 'B', 'n', 'STANDARDPOWDER', '0.1', 'ONE_TIME_SERVICING', 1000, 'FINISH')`;
    const requestNo = `${u}-m`;
    await recordRequest(testDb(), { requestNo, serviceName: "MODIFY_PROJECT", reqData: JSON.stringify({ requestNo, projectNo: p, status: "REPAYING" }), projectNo: p });
    expect(await testDb().$transaction((tx) => settleSuccess(tx, requestNo, { confirmedAt: new Date() }))).toMatchObject({ changed: true });
    expect((await testDb().custodyProject.findUniqueOrThrow({ where: { projectNo: p } })).status).toBe("FINISH");
  });
});
