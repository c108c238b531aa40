import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerViolations, ownerBalances } from "@/lib/ledger/balances";
import { FEE_ACCOUNT } from "@/lib/ledger/operations";
import { beijingClock, reconcileDay } from "@/lib/reconciliation/day";
import { createTestUser, testDb } from "@/lib/test/factories";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { gatewayLinkPath } from "@/lib/vendors/lanmao/gateway";
import { startLanmaoHarness, syntheticCustomer } from "@/lib/vendors/lanmao/test-harness";
import { type Person, rejectRequest } from "./approvals/approvals";
import { customerLinkResponse } from "./customer-link";
import { lanmaoPort } from "./lanmao-port";
import { outstandingPrincipal, repaymentSplit } from "./repayment-split";
import type { CustodyPort } from "./requests/port";
import { expectLedgerEqualsCustody, gatewayStep, noticeForwarder } from "./twin-test-support";
import { approveAndSend, establishProject, proposeDirect, startGateway, type CustodyEndpoint } from "./service";

/**
 * The operations the new forms start, against the 联银通 twin over real HTTP: compensatory
 * repayment, debt transfer and freeze / unfreeze, each proposed by one finance user and sent
 * only when a second approves — the ledger equal to the twin's balances after each. The forms'
 * actions are thin over these service calls (and repaymentSplit); the e2e journey drives one.
 */
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
let endpoint: CustodyEndpoint;
let port: CustodyPort;
let maker: Person;
let checker: Person;
const run = `O${Date.now().toString(36).toUpperCase()}`;
const [B, I1, I2, BUYER, G] = ["B", "X", "Y", "Z", "G"].map((p) => `${p}${run}`);
let forwardNotices: () => Promise<URLSearchParams[]>;
let viaBrowser: ReturnType<typeof gatewayStep>;

/**
 * The platform accounts are one per platform, shared by every test file on the test database,
 * while this file's twin starts empty: they are compared by what this file moved (from the
 * ledger's balance when the file began). The users are this file's own.
 */
const ledgerBase = new Map<string, { available: number; frozen: number }>();

/** The ledger equals the twin's QUERY_USER_INFORMATION for each owner (platform accounts by delta). */
const expectLedgerEquals = (...owners: string[]) => expectLedgerEqualsCustody(ep, owners, ledgerBase);

/** Propose as the maker, refuse the maker's own approval, approve as the checker. */
async function approved(id: bigint) {
  await expect(approveAndSend(testDb(), port, maker, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  const outcome = await approveAndSend(testDb(), port, checker, id);
  expect(outcome.status).toBe("SUCCEEDED");
  return (await testDb().custodyApproval.findUniqueOrThrow({ where: { id } })).requestNo;
}

/** A project lent by I1 (600.00) and I2 (400.00), moved to repaying; returns the loan confirmation's requestNo. */
async function repayingProject(projectNo: string) {
  await establishProject(testDb(), endpoint, port, maker, { platformUserNo: B, projectNo, projectAmount: 100_000, projectName: "测试标的", annnualInterestRate: "0.1", repaymentWay: "ONE_TIME_SERVICING" });
  const t1 = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: I1, bizType: "TENDER", amount: 60_000, projectNo });
  const t2 = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: I2, bizType: "TENDER", amount: 40_000, projectNo });
  const loan = await approved(await proposeDirect(testDb(), endpoint, maker, "CONFIRM_LOAN", { projectNo, commission: 0, details: [{ preTransactionNo: t1, amount: 60_000 }, { preTransactionNo: t2, amount: 40_000 }] }));
  await approved(await proposeDirect(testDb(), endpoint, maker, "MODIFY_PROJECT", { projectNo, status: "REPAYING" }));
  return loan;
}

beforeAll(async () => {
  const fee = (await ownerBalances(testDb())).get(FEE_ACCOUNT);
  if (fee) ledgerBase.set(FEE_ACCOUNT, { available: fee.available, frozen: fee.frozen });
  h = await startLanmaoHarness({ retryDelaysMs: [15, 15, 15, 15, 15, 15] });
  ep = { ...h.endpoint, timeoutMs: 600 };
  endpoint = { ...ep, returnUrl: h.returnUrl };
  port = lanmaoPort(ep);
  const [m, c] = [await createTestUser("FINANCE"), await createTestUser("FINANCE")];
  maker = { id: m.id, name: m.username, role: "FINANCE" };
  checker = { id: c.id, name: c.username, role: "FINANCE" };
  forwardNotices = noticeForwarder(h);
  viaBrowser = gatewayStep(h, endpoint, { id: maker.id }, forwardNotices);
  let seed = 201;
  for (const no of [B, I1, I2, BUYER, G]) {
    const p = syntheticCustomer(seed++);
    await viaBrowser("PERSONAL_REGISTER", { platformUserNo: no, realName: "测试用户", idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo });
    await viaBrowser("RECHARGE", { platformUserNo: no, amount: 500_000, rechargeWay: "NETBANK_B2C", bankcode: "ICBK" });
  }
}, 60_000);
afterAll(async () => h?.close());

describe("new custody operations through approval, on the twin", () => {
  it("compensatory: the guarantor's COMPENSATORY hold pays principal and interest to the investors", async () => {
    const P = `PC${run}`;
    await repayingProject(P);
    const hold = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: G, bizType: "COMPENSATORY", amount: 105_500, projectNo: P });
    // The form's split: principal as lent, 50.00 interest 60:40, the commission the rest (5.00).
    const { details, commission } = await repaymentSplit(testDb(), P, hold, 5_000);
    expect(commission).toBe(500);
    expect(details).toEqual(expect.arrayContaining([{ platformUserNo: I1, amount: 60_000, income: 3_000 }, { platformUserNo: I2, amount: 40_000, income: 2_000 }]));
    const before = await ownerBalances(testDb());
    const id = await proposeDirect(testDb(), endpoint, maker, "CONFIRM_COMPENSATORY", { projectNo: P, preTransactionNo: hold, commission, details }, { completeRepayment: true });
    // Nothing moves before the second user approves.
    expect((await ownerBalances(testDb())).get(I1)).toEqual(before.get(I1));
    await approved(id);
    await expectLedgerEquals(G, I1, I2, FEE_ACCOUNT);
    expect((await ownerBalances(testDb())).get(G)).toMatchObject({ frozen: 0 });
    expect((await ownerBalances(testDb())).get(I1)!.available).toBe(before.get(I1)!.available + 63_000);
  });

  it("compensatory refuses a hold smaller than principal plus interest, naming the rule", async () => {
    const P = `PD${run}`;
    await repayingProject(P);
    const hold = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: G, bizType: "COMPENSATORY", amount: 50_000, projectNo: P });
    await expect(repaymentSplit(testDb(), P, hold, 0)).rejects.toMatchObject({ i18n: { key: "custody.detailsNotFrozen" } });
  });

  it("debt transfer: the buyer's CREDIT_ASSIGNMENT hold pays the seller, less the commission", async () => {
    const P = `PT${run}`;
    const loan = await repayingProject(P);
    const hold = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: BUYER, bizType: "CREDIT_ASSIGNMENT", amount: 30_000, projectNo: P });
    const before = await ownerBalances(testDb());
    const detail = { preTransactionNo: hold, platformUserNo: I1, amount: 30_000, share: 30_000, originalConfirmRequestNo: loan };
    // Over the buyer's hold: refused before anything is proposed, rule named.
    await expect(proposeDirect(testDb(), endpoint, maker, "CONFIRM_DEBENTURE_TRANSFER", { projectNo: P, preTransactionNo: hold, commission: 0, details: [{ ...detail, amount: 30_001 }] })).rejects.toMatchObject({
      rule: "confirmationsExceedFrozen",
    });
    await approved(await proposeDirect(testDb(), endpoint, maker, "CONFIRM_DEBENTURE_TRANSFER", { projectNo: P, preTransactionNo: hold, commission: 300, details: [detail] }));
    await expectLedgerEquals(BUYER, I1, FEE_ACCOUNT);
    const after = await ownerBalances(testDb());
    expect(after.get(I1)!.available - before.get(I1)!.available).toBe(29_700);
    expect(after.get(BUYER)!.frozen - before.get(BUYER)!.frozen).toBe(-30_000);

    // Afterwards the split follows the debt: I1 is owed 300.00, the buyer 300.00, I2 400.00.
    const comp = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: G, bizType: "COMPENSATORY", amount: 100_000, projectNo: P });
    const { details, commission } = await repaymentSplit(testDb(), P, comp, 0);
    expect(new Map(details.map((d) => [d.platformUserNo, d.amount]))).toEqual(new Map([[I1, 30_000], [I2, 40_000], [BUYER, 30_000]]));
    expect(commission).toBe(0);
    await approved(await proposeDirect(testDb(), endpoint, maker, "CONFIRM_COMPENSATORY", { projectNo: P, preTransactionNo: comp, commission, details }, { completeRepayment: true }));
    await expectLedgerEquals(G, I1, I2, BUYER);
    expect(await ledgerViolations(testDb())).toEqual([]);
  });

  it("debt transfer with several sellers in one confirmation: rules per seller, commission from the sellers in order", async () => {
    const P = `PM${run}`;
    const loan = await repayingProject(P);
    const hold = await viaBrowser("USER_PRE_TRANSACTION", { platformUserNo: BUYER, bizType: "CREDIT_ASSIGNMENT", amount: 50_000, projectNo: P });
    const line = (platformUserNo: string, amount: number, share = amount, originalConfirmRequestNo = loan) => ({ preTransactionNo: hold, platformUserNo, amount, share, originalConfirmRequestNo });
    const propose = (details: ReturnType<typeof line>[], commission = 0) => proposeDirect(testDb(), endpoint, maker, "CONFIRM_DEBENTURE_TRANSFER", { projectNo: P, preTransactionNo: hold, commission, details });
    // Each seller is checked on its own, the refusal naming the seller; nothing is proposed.
    const approvalsBefore = await testDb().custodyApproval.count();
    await expect(propose([line(I1, 30_000), line(I2, 20_000, 20_000, "NOT-I2S-PURCHASE")])).rejects.toMatchObject({ rule: "transferOriginalNotSellers", i18n: { values: { platformUserNo: I2 } } });
    await expect(propose([line(I1, 30_000), line(I2, 20_001)])).rejects.toMatchObject({ rule: "confirmationsExceedFrozen" });
    await expect(propose([line(I2, 20_000), line(I2, 20_001, 20_001)])).rejects.toMatchObject({ rule: "transferShareExceedsHolding", i18n: { values: { platformUserNo: I2, share: 40_001, principal: 40_000 } } });
    await expect(propose([line(I1, 10_000), line(BUYER, 10_000)])).rejects.toMatchObject({ rule: "transferSellerIsBuyer" });
    // A share above the payment is refused already by the wire schema (§2.18), before the rules.
    await expect(propose([line(I1, 10_000, 10_001)])).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await testDb().custodyApproval.count()).toBe(approvalsBefore);

    const before = await ownerBalances(testDb());
    const id = await propose([line(I1, 30_000, 29_000), line(I2, 20_000)], 500);
    await approved(id);
    await expectLedgerEquals(BUYER, I1, I2, FEE_ACCOUNT);
    const after = await ownerBalances(testDb());
    // design.md §3: the sellers pay the commission, taken from them in the order listed.
    expect(after.get(I1)!.available - before.get(I1)!.available).toBe(29_500);
    expect(after.get(I2)!.available - before.get(I2)!.available).toBe(20_000);
    expect(after.get(BUYER)!.frozen - before.get(BUYER)!.frozen).toBe(-50_000);
    // The debt followed the shares: I1 600 − 290, I2 400 − 200, the buyer 490.
    const owed = await outstandingPrincipal(testDb(), P);
    expect(new Map([...owed].filter(([, v]) => v > 0))).toEqual(new Map([[I1, 31_000], [I2, 20_000], [BUYER, 49_000]]));
    expect(await ledgerViolations(testDb())).toEqual([]);
  });

  it("freeze then unfreeze, each approved by a second user; the ledger follows custody", async () => {
    const before = (await ownerBalances(testDb())).get(I2)!;
    await expect(proposeDirect(testDb(), endpoint, maker, "FREEZE", { platformUserNo: I2, amount: before.available + 1 })).rejects.toMatchObject({ rule: "insufficientAvailable" });
    const freezeNo = await approved(await proposeDirect(testDb(), endpoint, maker, "FREEZE", { platformUserNo: I2, amount: 12_345 }));
    expect((await ownerBalances(testDb())).get(I2)).toMatchObject({ available: before.available - 12_345, frozen: before.frozen + 12_345 });
    await expectLedgerEquals(I2);
    // A rejected unfreeze leaves the freeze as it was and free to be proposed again.
    const rejected = await proposeDirect(testDb(), endpoint, maker, "UNFREEZE", { oriRequestNo: freezeNo });
    await expect(proposeDirect(testDb(), endpoint, maker, "UNFREEZE", { oriRequestNo: freezeNo })).rejects.toMatchObject({ i18n: { key: "custody.unfreezeAlreadyProposed" } });
    await rejectRequest(testDb(), checker, rejected, "not yet");
    expect((await ownerBalances(testDb())).get(I2)).toMatchObject({ frozen: before.frozen + 12_345 });
    const key = await approved(await proposeDirect(testDb(), endpoint, maker, "UNFREEZE", { oriRequestNo: freezeNo }));
    expect(key).toBe(`UNFREEZE-${freezeNo}`);
    expect((await ownerBalances(testDb())).get(I2)).toMatchObject({ available: before.available, frozen: before.frozen });
    await expectLedgerEquals(I2);
    // The hold is spent: a second unfreeze of the same freeze is refused before proposing.
    await expect(proposeDirect(testDb(), endpoint, maker, "UNFREEZE", { oriRequestNo: freezeNo })).rejects.toMatchObject({ code: "CONFLICT", i18n: { key: "custody.unfreezeAlreadyProposed" } });
  });
});

describe("the customer link", () => {
  const secret = "test-link-secret";
  it("serves the auto-submitting form for a valid link, and a plain page for a tampered, expired or settled one", async () => {
    const prepared = await startGateway(testDb(), endpoint, { id: maker.id }, "RESET_PASSWORD", { platformUserNo: I1 });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const url = new URL(gatewayLinkPath("/api/custody/link", secret, prepared.requestNo, exp), "http://localhost");
    const ok = await customerLinkResponse(testDb(), prepared.requestNo, url.searchParams, new Date(), { secret, config: ep });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-security-policy")).toContain(`form-action ${new URL(ep.baseUrl).origin}`);
    expect(await ok.text()).toContain(prepared.requestNo);
    const other = await customerLinkResponse(testDb(), `${prepared.requestNo}X`, url.searchParams, new Date(), { secret, config: ep });
    expect(other.status).toBe(403);
    const late = await customerLinkResponse(testDb(), prepared.requestNo, url.searchParams, new Date((exp + 1) * 1000), { secret, config: ep });
    expect(late.status).toBe(410);
    expect(await late.text()).not.toContain("reqData");
    await testDb().custodyRequest.update({ where: { requestNo: prepared.requestNo }, data: { status: "SUCCEEDED" } });
    expect((await customerLinkResponse(testDb(), prepared.requestNo, url.searchParams, new Date(), { secret, config: ep })).status).toBe(410);
  });
});

describe("the day's check files", () => {
  it("reconcile every request of this file with no exception: amounts as the custody side reports them", async () => {
    const twin = h.endpoint.baseUrl;
    const on = await fetch(`${twin}/_sandbox/checkfiles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ readyEarly: true }) });
    expect(on.ok).toBe(true);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
    try {
      const day = beijingClock(new Date()).today;
      const out = await reconcileDay(pool, ep, { fileDate: day, startedBy: null });
      expect(out.outcome).toBe("run");
      if (out.outcome !== "run" || out.result.outcome !== "matched") throw new Error(`the run did not match: ${JSON.stringify(out)}`);
      // The test database is shared: other files' requests of the day are no part of this twin's
      // files. This file's own (every one asked by the maker) and its users' balances must agree.
      const mine = await pool.query<{ request_no: string; service_name: string }>(
        "SELECT request_no, service_name FROM custody_requests WHERE created_by_id = $1 AND status = 'SUCCEEDED'",
        [maker.id],
      );
      const services = new Set(mine.rows.map((r) => r.service_name));
      for (const s of ["ESTABLISH_PROJECT", "MODIFY_PROJECT", "CONFIRM_LOAN", "CONFIRM_COMPENSATORY", "CONFIRM_DEBENTURE_TRANSFER", "FREEZE", "UNFREEZE", "RECHARGE"]) expect(services).toContain(s);
      const exceptions = await pool.query<{ file_type: string; match_key: string; kind: string; their_amount: string | null; our_amount: string | null }>(
        `SELECT file_type, match_key, kind, their_amount::text, our_amount::text FROM recon_lines
         WHERE run_id = $1 AND (match_key = ANY($2) OR (file_type = 'BALANCE' AND match_key = ANY($3)))`,
        [out.result.runId, mine.rows.map((r) => r.request_no), [B, I1, I2, BUYER, G]],
      );
      expect(exceptions.rows).toEqual([]);
    } finally {
      await pool.end();
      await fetch(`${twin}/_sandbox/checkfiles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ readyEarly: false }) });
    }
  });
});
