import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { ledgerViolations, ownerBalances } from "@/lib/ledger/balances";
import { callLanmao, type LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { startLanmaoHarness, syntheticCustomer } from "@/lib/vendors/lanmao/test-harness";
import type { Person } from "./approvals/approvals";
import { lanmaoPort } from "./lanmao-port";
import type { CustodyPort } from "./requests/port";
import { expectLedgerEqualsCustody, gatewayStep, noticeForwarder } from "./twin-test-support";
import { approveAndSend, establishProject, proposeDirect, startGateway, type CustodyEndpoint } from "./service";

/**
 * The custody domain against the 联银通 twin over real HTTP (issue 11 "Done means", without the
 * browser): borrower and two investors registered and recharged through the gateway, a project,
 * two tenders, the loan confirmed with a second finance user approving, the project repaying,
 * the repayment with interest — and the ledger equal to the twin's own balances throughout.
 * The twin's NOTIFYs reach the console's real intake (inbox → custody handler).
 */
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
let endpoint: CustodyEndpoint;
let port: CustodyPort;
let maker: Person;
let checker: Person;
const run = `S${Date.now().toString(36).toUpperCase()}`;
const B = `B${run}`;
const I1 = `X${run}`;
const I2 = `Y${run}`;
const P = `P${run}`;
let forwardNotices: () => Promise<URLSearchParams[]>;
let viaBrowser: ReturnType<typeof gatewayStep>;

/** The ledger equals the twin's QUERY_USER_INFORMATION for each owner. */
const expectLedgerEquals = (...owners: string[]) => expectLedgerEqualsCustody(ep, owners);

beforeAll(async () => {
  h = await startLanmaoHarness({ retryDelaysMs: [15, 15, 15, 15, 15, 15] });
  ep = { ...h.endpoint, timeoutMs: 600 };
  endpoint = { ...ep, returnUrl: h.returnUrl };
  port = lanmaoPort(ep);
  const [m, c] = [await createTestUser("FINANCE"), await createTestUser("FINANCE")];
  maker = { id: m.id, name: m.username, role: "FINANCE" };
  checker = { id: c.id, name: c.username, role: "FINANCE" };
  forwardNotices = noticeForwarder(h);
  viaBrowser = gatewayStep(h, endpoint, { id: maker.id }, forwardNotices);
});
afterAll(async () => h?.close());

describe("custody on the 联银通 twin", () => {
  let t1 = "";
  let t2 = "";

  it("registers a borrower and two investors and recharges them; the ledger follows the NOTIFYs", async () => {
    for (const [no, seed] of [
      [B, 101],
      [I1, 102],
      [I2, 103],
    ] as const) {
      const p = syntheticCustomer(seed);
      await viaBrowser("PERSONAL_REGISTER", { platformUserNo: no, realName: "测试用户", idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo });
      await viaBrowser("RECHARGE", { platformUserNo: no, amount: no === B ? 200_000 : 1_000_000, rechargeWay: "NETBANK_B2C", bankcode: "ICBK" });
    }
    expect(await testDb().custodyAccount.count({ where: { platformUserNo: { in: [B, I1, I2] }, cardBound: true } })).toBe(3);
    await expectLedgerEquals(B, I1, I2);
  });

  it("creates the project and takes both tenders", async () => {
    const out = await establishProject(testDb(), endpoint, port, maker, {
      platformUserNo: B,
      projectNo: P,
      projectAmount: 1_000_000,
      projectName: "测试标的",
      annnualInterestRate: "0.1",
      repaymentWay: "ONE_TIME_SERVICING",
    });
    expect(out.status).toBe("SUCCEEDED");
    t1 = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: I1, bizType: "TENDER", amount: 600_000, projectNo: P });
    t2 = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: I2, bizType: "TENDER", amount: 400_000, projectNo: P });
    await expectLedgerEquals(I1, I2);
  });

  it("confirms the loan only after a second finance user approves; a lost answer is resent, lent once", async () => {
    const id = await proposeDirect(testDb(), endpoint, maker, "CONFIRM_LOAN", {
      projectNo: P,
      commission: 10_000,
      details: [
        { preTransactionNo: t1, amount: 600_000 },
        { preTransactionNo: t2, amount: 400_000 },
      ],
    });
    await h.settings({ lateAnswers: 1, lateAnswerMs: 1_500 });
    const outcome = await approveAndSend(testDb(), port, checker, id);
    expect(outcome).toMatchObject({ status: "SUCCEEDED" });
    expect(outcome.attempts).toBeGreaterThanOrEqual(2);
    await expectLedgerEquals(B, I1, I2);
    expect((await ownerBalances(testDb())).get(B)?.available).toBe(200_000 + 990_000);
    const project = await testDb().custodyProject.findUniqueOrThrow({ where: { projectNo: P } });
    expect(project).toMatchObject({ lent: 1_000_000n, commission: 10_000n, status: "COLLECTING" });
  });

  it("moves the project to repaying (approved) and refuses to move it back, naming the rule", async () => {
    expect((await approveAndSend(testDb(), port, checker, await proposeDirect(testDb(), endpoint, maker, "MODIFY_PROJECT", { projectNo: P, status: "REPAYING" }))).status).toBe("SUCCEEDED");
    await expect(proposeDirect(testDb(), endpoint, maker, "MODIFY_PROJECT", { projectNo: P, status: "COLLECTING" })).rejects.toMatchObject({ rule: "projectBackwards" });
  });

  it("repays principal and interest through the borrower's pre-transaction; ledger equals custody", async () => {
    const hold = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: B, bizType: "REPAYMENT", amount: 1_055_000, projectNo: P });
    const details = [
      { platformUserNo: I1, amount: 600_000, income: 30_000 },
      { platformUserNo: I2, amount: 400_000, income: 20_000 },
    ];
    await expect(proposeDirect(testDb(), endpoint, maker, "CONFIRM_REPAYMENT", { projectNo: P, preTransactionNo: hold, commission: 4_000, details }, { completeRepayment: true })).rejects.toMatchObject({
      rule: "detailsNotFrozen",
    });
    const id = await proposeDirect(testDb(), endpoint, maker, "CONFIRM_REPAYMENT", { projectNo: P, preTransactionNo: hold, commission: 5_000, details }, { completeRepayment: true });
    expect((await approveAndSend(testDb(), port, checker, id)).status).toBe("SUCCEEDED");
    await expectLedgerEquals(B, I1, I2);
    expect((await ownerBalances(testDb())).get(I1)).toMatchObject({ available: 1_030_000, frozen: 0 });
    const project = await testDb().custodyProject.findUniqueOrThrow({ where: { projectNo: P } });
    expect(project).toMatchObject({ repaidPrincipal: 1_000_000n, repaidInterest: 50_000n, commission: 15_000n });
    expect(await ledgerViolations(testDb())).toEqual([]);
  });
});

describe("the gateway page", () => {
  it("carries the logged request to the twin with a CSP that allows only that form and script", async () => {
    const { gatewayPageResponse } = await import("./gateway-page");
    const prepared = await startGateway(testDb(), endpoint, { id: maker.id }, "RECHARGE", { platformUserNo: I1, amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK" });
    const res = await gatewayPageResponse(testDb(), prepared.requestNo, ep);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`form-action ${new URL(ep.baseUrl).origin}`);
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    const html = await res.text();
    expect(html).toContain(`action="${ep.baseUrl}/lanmaotech/gateway"`);
    expect(html).toContain(prepared.requestNo);
    await expect(gatewayPageResponse(testDb(), "NO-SUCH-REQUEST", ep)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("account check against QUERY_USER_INFORMATION", () => {
  it("says match when the ledger follows custody, and names the difference when it does not", async () => {
    const { checkAgainstCustody, getAccountView } = await import("./account-view");
    const finance = { id: checker.id, username: checker.name, displayName: "c", role: "FINANCE" as const };
    const view = (await getAccountView(testDb(), finance, I2))!;
    expect(view.postings.length).toBeGreaterThan(0);
    const query = async () => (await callLanmao(ep, "QUERY_USER_INFORMATION", { platformUserNo: I2 })).data;
    expect(await checkAgainstCustody(view.ledger, query)).toMatchObject({ kind: "match" });
    expect(await checkAgainstCustody({ ...view.ledger, available: view.ledger.available + 1 }, query)).toMatchObject({ kind: "mismatch", availableDiff: 1, frozenDiff: 0 });
    expect(await checkAgainstCustody(view.ledger, async () => Promise.reject(new Error("down")))).toEqual({ kind: "unavailable", reason: "down" });
    await expect(getAccountView(testDb(), { ...finance, role: "LOAN_OFFICER" }, I2)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
