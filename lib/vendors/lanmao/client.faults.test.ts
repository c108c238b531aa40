import { setLogSink, type LogSink } from "@/lib/logger";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { isAmbiguousFailure } from "@/lib/vendors/core/errors";
import { isVendorError, type VendorError } from "@/lib/vendors/core/errors";
import { callLanmao, type LanmaoEndpoint, prepareLanmaoRequest, queryLanmaoTransaction, sendLanmaoDirect } from "./client";
import type { LanmaoRequestInput } from "./interfaces";
import { afterAmbiguousFailure } from "./services";
import { type ReceivedNotice, startLanmaoHarness, syntheticCustomer } from "./test-harness";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "./test-keys";

/**
 * What must never happen to money: a lost, late, garbled or forged answer never makes the
 * console move money twice or believe an outcome; a request that breaks a rule is never sent;
 * a NOTIFY is retried as the document says and stops at `SUCCESS`.
 */
let answer: (n: ReceivedNotice, i: number) => string = () => "SUCCESS";
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
const run = `F${Date.now().toString(36).toUpperCase()}`;
let seq = 0;
const rq = () => `${run}${String(++seq).padStart(4, "0")}`;
const B = `B${run}`;
const I = `I${run}`;
const P = `P${run}`;

async function failure(p: Promise<unknown>): Promise<VendorError> {
  try {
    await p;
  } catch (e) {
    if (isVendorError(e)) return e;
    throw e;
  }
  throw new Error("expected a VendorError");
}

async function gateway<S extends "PERSONAL_REGISTER" | "RECHARGE" | "USER_PRE_TRANSACTION" | "ENTERPRISE_REGISTER">(service: S, input: LanmaoRequestInput<S>) {
  const out = await h.customer(prepareLanmaoRequest(ep, service, input));
  if (out.kind !== "returned" || out.reading.kind !== "success") throw new Error(`${service} did not succeed`);
  return out.reading;
}

const userInfo = async (no: string) => (await callLanmao(ep, "QUERY_USER_INFORMATION", { platformUserNo: no })).data;

const logs: string[] = [];
let restoreSink: LogSink;
beforeAll(async () => {
  restoreSink = setLogSink((line) => logs.push(line));
  h = await startLanmaoHarness({ answer: (n, i) => answer(n, i), retryDelaysMs: [15, 15, 15, 15, 15, 15] });
  ep = { ...h.endpoint, timeoutMs: 400 };
  for (const [no, seed] of [
    [B, 1],
    [I, 2],
  ] as const) {
    const p = syntheticCustomer(seed);
    await gateway("PERSONAL_REGISTER", { platformUserNo: no, requestNo: rq(), realName: "测试用户", idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo, callbackUrl: h.returnUrl });
    await gateway("RECHARGE", { platformUserNo: no, requestNo: rq(), amount: 1_000_000, rechargeWay: "NETBANK_B2C", bankcode: "CMBC", callbackUrl: h.returnUrl });
  }
  await callLanmao(ep, "ESTABLISH_PROJECT", { requestNo: rq(), platformUserNo: B, projectNo: P, projectAmount: 500_000, projectName: "故障测试标的", annnualInterestRate: "0.1", repaymentWay: "FIRSEINTREST_LASTPRICIPAL" });
  await h.notified();
});
afterAll(async () => {
  setLogSink(restoreSink);
  await h.close();
});
beforeEach(async () => {
  answer = () => "SUCCESS";
  await fetch(`${h.sandbox.url}/_control/faults`, { method: "DELETE" });
  await fetch(`${h.sandbox.url}/lanmao/_sandbox/settings`, { method: "DELETE" });
});

describe("refused before sending: the rule named, nothing sent", () => {
  it.each<[string, () => unknown, string]>([
    ["a zero amount", () => prepareLanmaoRequest(ep, "FREEZE", { platformUserNo: I, requestNo: rq(), amount: 0 }), "amount"],
    ["a negative amount", () => prepareLanmaoRequest(ep, "RECHARGE", { platformUserNo: I, requestNo: rq(), amount: -100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl }), "amount"],
    ["a third decimal (fractional fen)", () => prepareLanmaoRequest(ep, "WITHDRAW", { platformUserNo: I, requestNo: rq(), amount: 12.5, callbackUrl: h.returnUrl }), "amount"],
    ["a bank without personal net banking (§2.6 R3)", () => prepareLanmaoRequest(ep, "RECHARGE", { platformUserNo: I, requestNo: rq(), amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "SPDB", callbackUrl: h.returnUrl }), "bankcode"],
    ["an enterprise card bank (§2.5 R2)", () => prepareLanmaoRequest(ep, "ENTERPRISE_BIND_BANKCARD", { requestNo: rq(), platformUserNo: I, bankcardNo: "1", bankcode: "HXBK", callbackUrl: h.returnUrl }), "bankcode"],
    ["a modification that changes nothing (§2.11)", () => prepareLanmaoRequest(ep, "MODIFY_PROJECT", { requestNo: rq(), projectNo: P }), "status"],
    ["a payment below the share (§2.18)", () => prepareLanmaoRequest(ep, "CONFIRM_DEBENTURE_TRANSFER", { requestNo: rq(), projectNo: P, preTransactionNo: "X", details: [{ preTransactionNo: "X", platformUserNo: I, amount: 99, share: 100, originalConfirmRequestNo: "Y" }] }), "details.0.amount"],
    ["a repayment detail of nothing", () => prepareLanmaoRequest(ep, "CONFIRM_REPAYMENT", { requestNo: rq(), preTransactionNo: "X", projectNo: P, details: [{ platformUserNo: I, amount: 0, income: 0 }] }), "details.0.amount"],
    ["an unknown withdraw type", () => prepareLanmaoRequest(ep, "WITHDRAW", { platformUserNo: I, requestNo: rq(), amount: 100, callbackUrl: h.returnUrl, withdrawType: 2 as 0 }), "withdrawType"],
  ])("%s", (_what, prepare, field) => {
    const before = h.serviceCalls();
    let error: unknown;
    try {
      prepare();
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe("VALIDATION");
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain(field);
    expect(h.serviceCalls()).toBe(before);
  });
});

describe("answers that cannot be trusted", () => {
  it("a tampered answer is an ambiguous error; the idempotent FREEZE resent with the same requestNo freezes once", async () => {
    await h.faults({ badSignature: true });
    const prepared = prepareLanmaoRequest(ep, "FREEZE", { platformUserNo: I, requestNo: rq(), amount: 10_000 });
    const e = await failure(sendLanmaoDirect(ep, prepared));
    expect(e).toMatchObject({ kind: "unreadable", detail: { signature: "invalid" } });
    expect(isAmbiguousFailure(e)).toBe(true);
    await h.faults({ badSignature: false });
    expect((await sendLanmaoDirect(ep, prepared)).data.code).toBe("0");
    expect((await userInfo(I)).freezeAmount).toBe(10_000);
    await callLanmao(ep, "UNFREEZE", { oriRequestNo: prepared.requestNo });
  });

  it("an answer signed with another key is never believed, refusal or not", async () => {
    const wrongKey = { ...ep, publicKey: TEST_PLATFORM_PUBLIC_KEY };
    expect(await failure(callLanmao(wrongKey, "QUERY_USER_INFORMATION", { platformUserNo: I }))).toMatchObject({ kind: "unreadable" });
    expect(await failure(callLanmao(wrongKey, "QUERY_USER_INFORMATION", { platformUserNo: "NOBODY" }))).toMatchObject({ kind: "unreadable" });
  });

  it("a truncated answer (malformed) and an HTTP 500 are ambiguous", async () => {
    await h.faults({ malformed: true });
    expect(isAmbiguousFailure(await failure(callLanmao(ep, "QUERY_PLATFORM_INFORMATION", {})))).toBe(true);
    await h.faults({ malformed: false, http500: true });
    expect(await failure(callLanmao(ep, "QUERY_PLATFORM_INFORMATION", {}))).toMatchObject({ kind: "ambiguous", httpStatus: 500 });
  });
});

describe("a lost answer never moves money twice", () => {
  it("CONFIRM_LOAN times out after the custody side lent; the same requestNo resent lends nothing more (§1.6)", async () => {
    const tender = rq();
    await gateway("USER_PRE_TRANSACTION", { requestNo: tender, platformUserNo: I, bizType: "TENDER", amount: 200_000, projectNo: P, callbackUrl: h.returnUrl });
    const before = await userInfo(B);
    await h.settings({ lateAnswers: 1, lateAnswerMs: 1_500 });
    const prepared = prepareLanmaoRequest(ep, "CONFIRM_LOAN", { requestNo: rq(), projectNo: P, commission: 2_000, details: [{ preTransactionNo: tender, amount: 200_000 }] });
    const e = await failure(sendLanmaoDirect(ep, prepared));
    expect(isAmbiguousFailure(e)).toBe(true);
    expect(afterAmbiguousFailure("CONFIRM_LOAN")).toBe("resend_same_request_no");
    await sendLanmaoDirect(ep, prepared);
    await sendLanmaoDirect(ep, prepared);
    expect((await userInfo(B)).availableAmount).toBe(before.availableAmount + 198_000);
    expect((await queryLanmaoTransaction(ep, prepared.requestNo, "TRANSACTIONCONFIRM_TRADE")).data).toMatchObject({ status: "SUCCESS", commission: 2_000 });
  });

  it("a 100001 system error is ambiguous and the idempotent call completes when resent", async () => {
    await h.settings({ systemErrors: 1 });
    const prepared = prepareLanmaoRequest(ep, "FREEZE", { platformUserNo: I, requestNo: rq(), amount: 1_000 });
    expect(await failure(sendLanmaoDirect(ep, prepared))).toMatchObject({ kind: "ambiguous", vendorCode: "100001" });
    await sendLanmaoDirect(ep, prepared);
    expect((await userInfo(I)).freezeAmount).toBe(1_000);
    await callLanmao(ep, "UNFREEZE", { oriRequestNo: prepared.requestNo });
  });

  it("a non-idempotent ESTABLISH_PROJECT that timed out is settled by QUERY_TRANSACTION, not resent", async () => {
    await h.settings({ lateAnswers: 1, lateAnswerMs: 1_500 });
    const prepared = prepareLanmaoRequest(ep, "ESTABLISH_PROJECT", { requestNo: rq(), platformUserNo: B, projectNo: `${P}X`, projectAmount: 100_000, projectName: "超时标的", annnualInterestRate: "0.1", repaymentWay: "ONE_TIME_SERVICING" });
    expect(isAmbiguousFailure(await failure(sendLanmaoDirect(ep, prepared)))).toBe(true);
    expect(afterAmbiguousFailure("ESTABLISH_PROJECT")).toBe("query_first");
    expect((await queryLanmaoTransaction(ep, prepared.requestNo, "ESTABLISH_PROJECT")).data.status).toBe("SUCCESS");
    // Resending would be refused as a duplicate requestNo: the query is the way.
    expect(await failure(sendLanmaoDirect(ep, prepared))).toMatchObject({ kind: "refused", vendorCode: "200002" });
  });

  it("a gateway request the customer has not finished reads INIT (a notice may still come)", async () => {
    const prepared = prepareLanmaoRequest(ep, "RECHARGE", { platformUserNo: I, requestNo: rq(), amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl, expired: "20000101000000" }, { now: new Date() });
    // The customer opens the page and leaves; `expired` in the past means the default 15 minutes (§2.6).
    await fetch(`${ep.baseUrl}/lanmaotech/gateway`, { method: "POST", body: new URLSearchParams(prepared.form as Record<string, string>) });
    expect((await queryLanmaoTransaction(ep, prepared.requestNo, "RECHARGE")).data.status).toBe("INIT");
  });
});

describe("logs", () => {
  it("say what happened (service, kind, code) and never carry personal data", () => {
    const text = logs.join("\n");
    expect(text).toContain('"service":"CONFIRM_LOAN"');
    expect(text).toContain('"vendorCode":"100001"');
    for (const p of [syntheticCustomer(1), syntheticCustomer(2), syntheticCustomer(9)]) {
      for (const value of [p.idCardNo, p.mobile, p.bankcardNo]) expect(text).not.toContain(value);
    }
  });
});

describe("configuration refusals", () => {
  it("an unknown platform number is 100004, a configuration error", async () => {
    expect(await failure(callLanmao({ ...ep, platformNo: "0000000000" }, "QUERY_PLATFORM_INFORMATION", {}))).toMatchObject({ kind: "refused", code: "VENDOR_CONFIG", vendorCode: "100004" });
  });
  it("a request signed with a key 联银通 does not hold is 100003", async () => {
    expect(await failure(callLanmao({ ...ep, privateKey: TEST_CUSTODY_PRIVATE_KEY }, "QUERY_PLATFORM_INFORMATION", {}))).toMatchObject({ kind: "refused", code: "VENDOR_CONFIG", vendorCode: "100003" });
  });
});

describe("NOTIFY delivery (§1.1)", () => {
  const noticesFor = async (requestNo: string) =>
    ((await (await fetch(`${h.sandbox.url}/lanmao/_sandbox/notices`)).json()) as { requestNo: string; attempts: number; delivered: boolean }[]).filter((n) => n.requestNo === requestNo);
  const recharge = async () => {
    const requestNo = rq();
    await gateway("RECHARGE", { platformUserNo: I, requestNo, amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl });
    await h.notified();
    return requestNo;
  };

  it("without SUCCESS it is retried 6 times, then given up (7 deliveries)", async () => {
    answer = () => "OK";
    const requestNo = await recharge();
    expect(h.receiver.received.filter((n) => n.reading.kind === "success" && n.reading.data.requestNo === requestNo)).toHaveLength(7);
    expect(await noticesFor(requestNo)).toMatchObject([{ attempts: 7, delivered: false }]);
  });

  it("stops at the first SUCCESS", async () => {
    answer = (n) => (h.receiver.received.filter((r) => r.fields.get("respData") === n.fields.get("respData")).length >= 2 ? "SUCCESS" : "FAIL");
    const requestNo = await recharge();
    expect(await noticesFor(requestNo)).toMatchObject([{ attempts: 3, delivered: true }]);
  });

  it("a tampered NOTIFY is refused by our verifier every time and never answered SUCCESS", async () => {
    await h.faults({ badSignature: true });
    const before = h.receiver.received.length;
    const requestNo = rq();
    const out = await h.customer(prepareLanmaoRequest(ep, "RECHARGE", { platformUserNo: I, requestNo, amount: 100, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: h.returnUrl }));
    expect(out.kind === "returned" && out.verified).toBe(false);
    await h.notified();
    const got = h.receiver.received.slice(before);
    expect(got).toHaveLength(7);
    expect(got.every((n) => !n.verified && n.answer !== "SUCCESS")).toBe(true);
  });

  it("duplicateCallbacks delivers the same notice twice; reorderCallbacks sends PASSED before AUDIT", async () => {
    await h.faults({ duplicateCallbacks: true });
    const requestNo = await recharge();
    expect(h.receiver.received.filter((n) => n.reading.kind === "success" && n.reading.data.requestNo === requestNo)).toHaveLength(2);
    await h.faults({ duplicateCallbacks: false, reorderCallbacks: true });
    const E = `E${run}`;
    const regNo = rq();
    await gateway("ENTERPRISE_REGISTER", {
      requestNo: regNo,
      platformUserNo: E,
      enterpriseName: "乱序测试公司",
      bankLicense: "J1",
      unifiedCode: "91110000000000001X",
      legal: "法人",
      legalIdCardNo: syntheticCustomer(9).idCardNo,
      contact: "联系人",
      contactPhone: syntheticCustomer(9).mobile,
      userRole: "NORMAL",
      bankcardNo: "11001000000000009",
      bankcode: "ICBK",
      callbackUrl: h.returnUrl,
    });
    await h.notified();
    const statuses = h.receiver.received.filter((n) => n.reading.kind === "success" && n.reading.data.requestNo === regNo).map((n) => (n.reading.kind === "success" ? String(n.reading.data.status) : ""));
    expect(statuses).toEqual(["PASSED", "AUDIT"]);
  });
});
