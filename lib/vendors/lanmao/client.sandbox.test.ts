import { setLogSink, type LogSink } from "@/lib/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVendorError } from "@/lib/vendors/core/errors";
import { callLanmao, type LanmaoEndpoint, prepareLanmaoRequest, queryLanmaoTransaction, sendLanmaoDirect } from "./client";
import type { LanmaoDirectInterface, LanmaoGatewayInterface, LanmaoRequestInput } from "./interfaces";
import { startLanmaoHarness, syntheticCustomer } from "./test-harness";

/**
 * Every interface of §2 and §3, client ↔ twin over HTTP, in the order a project lives:
 * register a borrower and two investors, recharge, establish, tender, lend, repay (partly,
 * twice), compensate, transfer a debt, pay marketing money, freeze, withdraw, unbind, finish.
 * Balances are read back with QUERY_USER_INFORMATION after each step.
 */
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
const run = Date.now().toString(36).toUpperCase();
let seq = 0;
const rq = () => `RQ${run}${String(++seq).padStart(4, "0")}`;
const B = `B${run}`;
const I1 = `I1${run}`;
const I2 = `I2${run}`;
const P = `P${run}`;

async function gateway<S extends LanmaoGatewayInterface>(service: S, input: LanmaoRequestInput<S>, o: { decision?: "confirm" | "cancel"; amount?: string } = {}) {
  const out = await h.customer(prepareLanmaoRequest(ep, service, input), o);
  if (out.kind !== "returned") throw new Error(`${service}: no return page (${out.status}) ${/notice bad">([^<]*)/.exec(out.html)?.[1]}`);
  expect(out.verified).toBe(true);
  expect(out.callbackUrl).toBe(h.returnUrl);
  return out.reading;
}

const direct = <S extends LanmaoDirectInterface>(service: S, input: LanmaoRequestInput<S>) => callLanmao(ep, service, input);

async function balances(no: string) {
  const { data } = await direct("QUERY_USER_INFORMATION", { platformUserNo: no });
  return { balance: data.balance, available: data.availableAmount, frozen: data.freezeAmount };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return { kind: e.kind, code: e.vendorCode, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
}

const logs: string[] = [];
let restoreSink: LogSink;
beforeAll(async () => {
  restoreSink = setLogSink((line) => logs.push(line));
  h = await startLanmaoHarness();
  ep = h.endpoint;
});
afterAll(async () => {
  setLogSink(restoreSink);
  await h.close();
});

describe("联银通 client ↔ twin: every interface", () => {
  const people = { [B]: syntheticCustomer(11), [I1]: syntheticCustomer(22), [I2]: syntheticCustomer(33, "622588") };

  it("PERSONAL_REGISTER ×3: browser return and NOTIFY both verified, account open with its card", async () => {
    for (const [no, name] of [
      [B, "测试借款人"],
      [I1, "测试投资甲"],
      [I2, "测试投资乙"],
    ] as const) {
      const p = people[no];
      const reading = await gateway("PERSONAL_REGISTER", { platformUserNo: no, requestNo: rq(), realName: name, idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo, callbackUrl: h.returnUrl });
      expect(reading).toMatchObject({ kind: "success", service: "PERSONAL_REGISTER", data: { platformUserNo: no, accessType: "FULL_CHECKED", idCardType: "G2_IDCARD" } });
      if (reading.kind === "success") expect(String(reading.data.bankcardNo)).toMatch(/^\d{6}\*+\d{4}$/);
    }
    await h.notified();
    const notes = h.receiver.received.filter((n) => n.fields.get("serviceName") === "PERSONAL_REGISTER");
    expect(notes).toHaveLength(3);
    expect(notes.every((n) => n.verified && n.fields.get("responseType") === "NOTIFY" && n.answer === "SUCCESS")).toBe(true);
    const info = await direct("QUERY_USER_INFORMATION", { platformUserNo: I2 });
    expect(info.data).toMatchObject({ userType: "PERSON", userRole: "NORMAL", activeStatus: true, balance: 0, bankcode: "CMBC" });
  });

  it("a duplicate platform user number is refused on the page (§2.1 R1): no return, no notice", async () => {
    const p = syntheticCustomer(44);
    const before = h.receiver.received.length;
    const out = await h.customer(prepareLanmaoRequest(ep, "PERSONAL_REGISTER", { platformUserNo: B, requestNo: rq(), realName: "重复", idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo, callbackUrl: h.returnUrl }));
    expect(out.kind).toBe("error");
    if (out.kind === "error") expect(out.html).toContain("§2.1 R1");
    await h.notified();
    expect(h.receiver.received.length).toBe(before);
  });

  it("RECHARGE (B2C) credits the investors; a cancelled payment does not", async () => {
    for (const no of [I1, I2, B]) {
      const reading = await gateway("RECHARGE", { platformUserNo: no, requestNo: rq(), amount: 2_000_000, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl });
      expect(reading).toMatchObject({ kind: "success", data: { amount: 2_000_000, fee: 0, rechargeWay: "NETBANK_B2C", bankcode: "ICBK" } });
    }
    const cancelled = await gateway("RECHARGE", { platformUserNo: I1, requestNo: rq(), amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl }, { decision: "cancel" });
    expect(cancelled.kind).toBe("failure");
    expect(await balances(I1)).toEqual({ balance: 2_000_000, available: 2_000_000, frozen: 0 });
  });

  it("ESTABLISH_PROJECT, then USER_PRE_TRANSACTION TENDER freezes each investor's money", async () => {
    await direct("ESTABLISH_PROJECT", { requestNo: rq(), platformUserNo: B, projectNo: P, projectAmount: 1_000_000, projectName: "测试标的", annnualInterestRate: "0.085", repaymentWay: "ONE_TIME_SERVICING" });
    const t1 = rq();
    const t2 = rq();
    expect(await gateway("USER_PRE_TRANSACTION", { requestNo: t1, platformUserNo: I1, bizType: "TENDER", amount: 600_000, projectNo: P, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success", data: { bizType: "TENDER" } });
    await gateway("USER_PRE_TRANSACTION", { requestNo: t2, platformUserNo: I2, bizType: "TENDER", amount: 400_000, projectNo: P, callbackUrl: h.returnUrl });
    expect(await balances(I1)).toEqual({ balance: 2_000_000, available: 1_400_000, frozen: 600_000 });
    const q = await queryLanmaoTransaction(ep, t1, "PRETRANSATION");
    expect(q.data).toMatchObject({ pretransactionType: "PRETRANSATION", bizType: "TENDER", freezeAmount: 600_000, unfreezeAmount: 0, status: "INIT" });
    // Over-subscription is refused before the customer's page: no return, no notice.
    const over = await h.customer(prepareLanmaoRequest(ep, "USER_PRE_TRANSACTION", { requestNo: rq(), platformUserNo: I1, bizType: "TENDER", amount: 1, projectNo: P, callbackUrl: h.returnUrl }));
    expect(over.kind === "error" && over.html).toContain("剩余可投金额");
    // §1.6: an idempotent request already done is answered success again, nothing frozen twice.
    expect(await gateway("USER_PRE_TRANSACTION", { requestNo: t1, platformUserNo: I1, bizType: "TENDER", amount: 600_000, projectNo: P, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success" });
    expect((await balances(I1)).frozen).toBe(600_000);
    (globalThis as Record<string, unknown>).tenders = [t1, t2];
  });

  it("CONFIRM_LOAN pays the borrower less the commission; the project becomes REPAYING and never goes back", async () => {
    const [t1, t2] = (globalThis as Record<string, unknown>).tenders as string[];
    const loan = rq();
    await direct("CONFIRM_LOAN", { requestNo: loan, projectNo: P, commission: 10_000, details: [{ preTransactionNo: t1, amount: 600_000 }, { preTransactionNo: t2, amount: 400_000 }] });
    expect(await balances(B)).toEqual({ balance: 2_990_000, available: 2_990_000, frozen: 0 });
    expect(await balances(I1)).toEqual({ balance: 1_400_000, available: 1_400_000, frozen: 0 });
    expect((await queryLanmaoTransaction(ep, loan, "TRANSACTIONCONFIRM_TRADE")).data).toMatchObject({ confirmTradeType: "CONFIRM_LOAN", commission: 10_000, status: "SUCCESS", projectNo: P });
    expect((await queryLanmaoTransaction(ep, t1, "PRETRANSATION")).data.status).toBe("SUCCESS");
    expect((await direct("MODIFY_PROJECT", { requestNo: rq(), projectNo: P, status: "REPAYING" })).data.status).toBe("REPAYING");
    expect(await refusal(direct("MODIFY_PROJECT", { requestNo: rq(), projectNo: P, status: "COLLECTING" }))).toMatchObject({ kind: "refused", message: expect.stringContaining("R6") });
    expect(await refusal(direct("MODIFY_PROJECT", { requestNo: rq(), projectNo: P, projectAmount: 2_000_000 }))).toMatchObject({ kind: "refused", message: expect.stringContaining("R5") });
    const info = await direct("QUERY_PROJECT_INFORMATION", { projectNo: P });
    expect(info.data).toMatchObject({ status: "REPAYING", loanAmount: 1_000_000, projectAmount: 1_000_000, annnualInterestRate: "0.085", repaymentAmount: 0 });
  });

  it("CONFIRM_REPAYMENT in two parts; the sum never exceeds the hold", async () => {
    const hold = rq();
    await gateway("USER_PRE_TRANSACTION", { requestNo: hold, platformUserNo: B, bizType: "REPAYMENT", amount: 1_050_000, projectNo: P, callbackUrl: h.returnUrl });
    await direct("CONFIRM_REPAYMENT", { requestNo: rq(), preTransactionNo: hold, projectNo: P, commission: 5_000, details: [{ platformUserNo: I1, amount: 300_000, income: 15_000 }] });
    expect((await queryLanmaoTransaction(ep, hold, "PRETRANSATION")).data).toMatchObject({ status: "PROCESSING", unfreezeAmount: 320_000 });
    const over = await refusal(direct("CONFIRM_REPAYMENT", { requestNo: rq(), preTransactionNo: hold, projectNo: P, details: [{ platformUserNo: I2, amount: 400_000, income: 400_000 }] }));
    expect(over.kind).toBe("refused");
    const notInvestor = await refusal(direct("CONFIRM_REPAYMENT", { requestNo: rq(), preTransactionNo: hold, projectNo: P, details: [{ platformUserNo: B, amount: 1, income: 0 }] }));
    expect(notInvestor.message).toContain("R4");
    await direct("CONFIRM_REPAYMENT", { requestNo: rq(), preTransactionNo: hold, projectNo: P, commission: 0, details: [{ platformUserNo: I2, amount: 200_000, income: 10_000 }] });
    expect(await balances(I1)).toEqual({ balance: 1_715_000, available: 1_715_000, frozen: 0 });
    expect(await balances(B)).toEqual({ balance: 2_460_000, available: 1_940_000, frozen: 520_000 });
    const info = await direct("QUERY_PROJECT_INFORMATION", { projectNo: P });
    expect(info.data).toMatchObject({ repaymentAmount: 500_000, income: 25_000 });
    // What is left of the hold goes back: CANCEL_PRE_TRANSACTION, partly and then the rest.
    await direct("CANCEL_PRE_TRANSACTION", { requestNo: rq(), preTransactionNo: hold, amount: 20_000 });
    expect(await refusal(direct("CANCEL_PRE_TRANSACTION", { requestNo: rq(), preTransactionNo: hold, amount: 500_001 }))).toMatchObject({ message: expect.stringContaining("§2.14 R1") });
    await direct("CANCEL_PRE_TRANSACTION", { requestNo: rq(), preTransactionNo: hold, amount: 500_000 });
    expect(await balances(B)).toEqual({ balance: 2_460_000, available: 2_460_000, frozen: 0 });
  });

  it("PLATFORM_PRE_TRANSACTION + CONFIRM_COMPENSATORY: the platform's compensatory account pays an investor", async () => {
    await gateway("RECHARGE", { platformUserNo: "PLATFORM_REPAYMENT_ACCOUNT", requestNo: rq(), amount: 500_000, rechargeWay: "NETBANK_B2B", bankcode: "CMBC", callbackUrl: h.returnUrl });
    const hold = rq();
    await direct("PLATFORM_PRE_TRANSACTION", { requestNo: hold, platformUserNo: "PLATFORM_REPAYMENT_ACCOUNT", amount: 210_000, bizType: "COMPENSATORY", projectNo: P });
    let platform = await direct("QUERY_PLATFORM_INFORMATION", {});
    expect(platform.data).toMatchObject({ repaymentBalance: 500_000, repaymentFreeze: 210_000 });
    await direct("CONFIRM_COMPENSATORY", { requestNo: rq(), preTransactionNo: hold, projectNo: P, details: [{ platformUserNo: I2, amount: 200_000, income: 10_000 }] });
    platform = await direct("QUERY_PLATFORM_INFORMATION", {});
    expect(platform.data).toMatchObject({ repaymentBalance: 290_000, repaymentFreeze: 0, feeBalance: 15_000 });
    expect((await queryLanmaoTransaction(ep, hold, "PRETRANSATION")).data).toMatchObject({ pretransactionType: "PLATFORM_RETRANSATION", status: "SUCCESS" });
  });

  it("CONFIRM_DEBENTURE_TRANSFER: the buyer's hold pays the seller, who pays the commission", async () => {
    const [t1] = (globalThis as Record<string, unknown>).tenders as string[];
    const hold = rq();
    await gateway("USER_PRE_TRANSACTION", { requestNo: hold, platformUserNo: I2, bizType: "CREDIT_ASSIGNMENT", amount: 100_000, projectNo: P, callbackUrl: h.returnUrl });
    const before = await balances(I1);
    await direct("CONFIRM_DEBENTURE_TRANSFER", {
      requestNo: rq(),
      projectNo: P,
      commission: 1_000,
      preTransactionNo: hold,
      details: [{ preTransactionNo: hold, platformUserNo: I1, amount: 100_000, share: 100_000, originalConfirmRequestNo: (await loanRequestNo()) ?? t1 }],
    });
    expect((await balances(I1)).available).toBe(before.available + 99_000);
    expect((await direct("QUERY_PLATFORM_INFORMATION", {})).data.feeBalance).toBe(16_000);
  });

  it("PLATFORM_PRE_TRANSACTION MARKETING + CONFIRM_PLATFORM_MARKETING pays red packets in batches", async () => {
    await gateway("RECHARGE", { platformUserNo: "PLATFORM_MARKETING_ACCOUNT", requestNo: rq(), amount: 10_000, rechargeWay: "NETBANK_B2B", bankcode: "CMBC", callbackUrl: h.returnUrl });
    const hold = rq();
    await direct("PLATFORM_PRE_TRANSACTION", { requestNo: hold, platformUserNo: "PLATFORM_MARKETING_ACCOUNT", amount: 5_000, bizType: "MARKETING" });
    const before = (await balances(I1)).available;
    await direct("CONFIRM_PLATFORM_MARKETING", { requestNo: rq(), preTransactionNo: hold, details: [{ platformUserNo: I1, amount: 1_000 }, { platformUserNo: I2, amount: 2_000 }] });
    expect(await refusal(direct("CONFIRM_PLATFORM_MARKETING", { requestNo: rq(), preTransactionNo: hold, details: [{ platformUserNo: I1, amount: 2_001 }] }))).toMatchObject({ message: expect.stringContaining("§2.19") });
    expect((await balances(I1)).available).toBe(before + 1_000);
    expect((await direct("QUERY_PLATFORM_INFORMATION", {})).data).toMatchObject({ marketingBalance: 7_000, marketingFreeze: 2_000 });
  });

  it("FREEZE and UNFREEZE (the whole hold, by the original requestNo), both idempotent", async () => {
    const f = rq();
    const prepared = prepareLanmaoRequest(ep, "FREEZE", { platformUserNo: I2, requestNo: f, amount: 50_000 });
    await sendLanmaoDirect(ep, prepared);
    await sendLanmaoDirect(ep, prepared);
    expect((await balances(I2)).frozen).toBe(50_000);
    expect((await queryLanmaoTransaction(ep, f, "FREEZE")).data).toMatchObject({ amount: 50_000, status: "SUCCESS", unfrozen: false });
    await direct("UNFREEZE", { oriRequestNo: f });
    await direct("UNFREEZE", { oriRequestNo: f });
    expect((await balances(I2)).frozen).toBe(0);
    // `unfrozen` is not in the document: kept, not refused (§1.7).
    expect((await queryLanmaoTransaction(ep, f, "FREEZE")).data).toMatchObject({ unfrozen: true });
  });

  it("WITHDRAW to the bound card; UNBIND only at zero balance; WITHDRAW needs a card; PERSONAL_BIND_BANKCARD", async () => {
    const w = rq();
    const all = (await balances(I2)).available;
    expect(await gateway("WITHDRAW", { platformUserNo: I2, requestNo: w, amount: all, withdrawType: 1, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success", data: { amount: all, withdrawType: 1, bankcode: "CMBC" } });
    expect((await queryLanmaoTransaction(ep, w, "WITHDRAW")).data).toMatchObject({ amount: all, status: "SUCCESS" });
    expect(await gateway("UNBIND_BANKCARD", { requestNo: rq(), platformUserNo: I1, callbackUrl: h.returnUrl })).toMatchObject({ kind: "failure", data: { description: expect.stringContaining("§2.3 R2") } });
    expect(await gateway("UNBIND_BANKCARD", { requestNo: rq(), platformUserNo: I2, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success" });
    expect(await gateway("RESET_PASSWORD", { requestNo: rq(), platformUserNo: I2, callbackUrl: h.returnUrl })).toMatchObject({ kind: "failure", data: { description: expect.stringContaining("R5") } });
    await gateway("RECHARGE", { platformUserNo: I2, requestNo: rq(), amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl });
    const noCard = await h.customer(prepareLanmaoRequest(ep, "WITHDRAW", { platformUserNo: I2, requestNo: rq(), amount: 100, callbackUrl: h.returnUrl }));
    expect(noCard.kind === "error" && noCard.html).toContain("§2.9 R1");
    const card = syntheticCustomer(55, "621700");
    expect(await gateway("PERSONAL_BIND_BANKCARD", { requestNo: rq(), platformUserNo: I2, mobile: card.mobile, bankcardNo: card.bankcardNo, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success", data: { bankcode: "PCBC" } });
    expect(await gateway("RESET_PASSWORD", { requestNo: rq(), platformUserNo: I2, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success" });
  });

  it("POS_RECHARGE then POS_BUILD_BARCODE with the same requestNo; the customer types the amount", async () => {
    const pos = rq();
    expect((await direct("POS_RECHARGE", { platformUserNo: I1, requestNo: pos, callbackUrl: h.returnUrl })).data.requestNo).toBe(pos);
    const before = (await balances(I1)).available;
    expect(await gateway("POS_BUILD_BARCODE", { platformUserNo: I1, requestNo: pos, callbackUrl: h.returnUrl }, { amount: "88.80" })).toMatchObject({ kind: "success", data: { amount: 8_880, rechargeWay: "POS" } });
    expect((await balances(I1)).available).toBe(before + 8_880);
    expect((await queryLanmaoTransaction(ep, pos, "RECHARGE")).data).toMatchObject({ amount: 8_880, status: "SUCCESS", rechargeWay: "POS" });
    const again = await h.customer(prepareLanmaoRequest(ep, "POS_BUILD_BARCODE", { platformUserNo: I1, requestNo: pos, callbackUrl: h.returnUrl }));
    expect(again.kind).toBe("error");
  });

  it("ENTERPRISE_REGISTER: AUDIT on return, then AUDIT and PASSED notices; active once passed; enterprise card rules", async () => {
    const E = `E${run}`;
    const reading = await gateway("ENTERPRISE_REGISTER", {
      requestNo: rq(),
      platformUserNo: E,
      enterpriseName: "测试担保有限公司",
      bankLicense: "J1000000000001",
      unifiedCode: "91110000000000000X",
      legal: "测试法人",
      legalIdCardNo: syntheticCustomer(66).idCardNo,
      contact: "测试联系人",
      contactPhone: syntheticCustomer(66).mobile,
      userRole: "GUARANTEECORP",
      bankcardNo: "11001000000000001",
      bankcode: "PCBC",
      callbackUrl: h.returnUrl,
    });
    expect(reading).toMatchObject({ kind: "success", data: { status: "AUDIT", userRole: "GUARANTEECORP" } });
    expect((await direct("QUERY_USER_INFORMATION", { platformUserNo: E })).data).toMatchObject({ userType: "ENTERPRISE", auditStatus: "AUDIT", activeStatus: false });
    await h.notified();
    const statuses = h.receiver.received.filter((n) => n.fields.get("serviceName") === "ENTERPRISE_REGISTER").map((n) => (n.reading.kind === "success" ? n.reading.data.status : n.reading.kind));
    expect(statuses).toEqual(["AUDIT", "PASSED"]);
    expect((await direct("QUERY_USER_INFORMATION", { platformUserNo: E })).data).toMatchObject({ auditStatus: "PASSED", activeStatus: true });
    expect(await gateway("UNBIND_BANKCARD", { requestNo: rq(), platformUserNo: E, callbackUrl: h.returnUrl })).toMatchObject({ kind: "success" });
    expect(await gateway("ENTERPRISE_BIND_BANKCARD", { requestNo: rq(), platformUserNo: E, bankcardNo: "11001000000000002", bankcode: "CMBC", callbackUrl: h.returnUrl })).toMatchObject({ kind: "success", data: { bankcode: "CMBC" } });
  });

  it("MODIFY_PROJECT to FINISH, after which no user may tender or repay", async () => {
    await direct("MODIFY_PROJECT", { requestNo: rq(), projectNo: P, status: "FINISH" });
    const out = await h.customer(prepareLanmaoRequest(ep, "USER_PRE_TRANSACTION", { requestNo: rq(), platformUserNo: I1, bizType: "REPAYMENT", amount: 100, projectNo: P, callbackUrl: h.returnUrl }));
    expect(out.kind).toBe("error");
    if (out.kind === "error") expect(out.html).toContain("§2.11");
  });

  it("logs carry no personal data", () => {
    const text = logs.join("\n");
    expect(text).toContain('"service":"CONFIRM_LOAN"');
    for (const p of Object.values(people)) for (const value of [p.idCardNo, p.mobile, p.bankcardNo]) expect(text).not.toContain(value);
  });

  it("every NOTIFY the twin sent was verified by our code and answered SUCCESS once", async () => {
    await h.notified();
    expect(h.receiver.received.length).toBeGreaterThan(10);
    expect(h.receiver.received.every((n) => n.verified && n.answer === "SUCCESS")).toBe(true);
    const notes = await (await fetch(`${h.sandbox.url}/lanmao/_sandbox/notices`)).json();
    expect((notes as { attempts: number; delivered: boolean }[]).every((n) => n.attempts === 1 && n.delivered)).toBe(true);
  });
});

async function loanRequestNo(): Promise<string | undefined> {
  const books = (await (await fetch(`${h.sandbox.url}/lanmao/_sandbox/books`)).json()) as { transactions: { service: string; projectNo?: string; requestNo: string }[] };
  return books.transactions.find((t) => t.service === "CONFIRM_LOAN" && t.projectNo === P)?.requestNo;
}
