import { describe, expect, it } from "vitest";
import en from "@/messages/en/errors.json";
import zh from "@/messages/zh-CN/errors.json";
import {
  checkBank,
  checkConfirmLoan,
  checkConfirmRepayment,
  checkConfirmTransfer,
  checkModifyProject,
  checkPreTransaction,
  checkStatusChange,
  checkTransferSellers,
  checkUnbind,
  checkWithdraw,
  nextStatuses,
  PROJECT_STATUS_ORDER,
  type CustodyRule,
  type ProjectStatus,
} from "./rules";

const hold = (amount: number, released = 0) => ({ holdNo: "H1", owner: "B", amount, released });

describe("project rules (§2.11)", () => {
  it("allows exactly 募集中 → 还款中 → 已截标 and 募集中 → 流标; everything else names the rule", () => {
    const allowed = new Set(["COLLECTING>REPAYING", "COLLECTING>MISCARRY", "REPAYING>FINISH"]);
    for (const from of PROJECT_STATUS_ORDER) {
      for (const to of PROJECT_STATUS_ORDER) {
        const r = checkStatusChange(from, to);
        if (from === to || allowed.has(`${from}>${to}`)) expect(r).toBeNull();
        else expect(r).toEqual({ rule: "projectBackwards", values: { from, to } });
      }
    }
    expect(nextStatuses("FINISH")).toEqual([]);
  });

  it("changes the amount only while collecting, and only to a positive amount", () => {
    expect(checkModifyProject({ status: "COLLECTING" }, { amount: 100 })).toBeNull();
    expect(checkModifyProject({ status: "REPAYING" }, { amount: 100 })).toMatchObject({ rule: "projectAmountFrozen" });
    expect(checkModifyProject({ status: "COLLECTING" }, { amount: 0 })).toMatchObject({ rule: "amountNotPositive" });
    expect(checkModifyProject({ status: "REPAYING" }, { status: "COLLECTING" })).toMatchObject({ rule: "projectBackwards" });
  });

  it("tenders only while collecting; repayment, transfer and compensation only while repaying; nothing once closed", () => {
    const s = (status: ProjectStatus) => ({ status });
    expect(checkPreTransaction(s("COLLECTING"), "TENDER")).toBeNull();
    expect(checkPreTransaction(s("REPAYING"), "TENDER")).toMatchObject({ rule: "projectNotCollecting" });
    for (const biz of ["REPAYMENT", "CREDIT_ASSIGNMENT", "COMPENSATORY"]) {
      expect(checkPreTransaction(s("REPAYING"), biz)).toBeNull();
      expect(checkPreTransaction(s("COLLECTING"), biz)).toMatchObject({ rule: "projectNotRepaying" });
    }
    expect(checkPreTransaction(s("FINISH"), "REPAYMENT")).toMatchObject({ rule: "projectClosed" });
    expect(checkPreTransaction(s("MISCARRY"), "TENDER")).toMatchObject({ rule: "projectClosed" });
  });

  it("confirms a loan while collecting, each hold at most what it still holds", () => {
    expect(checkConfirmLoan({ status: "COLLECTING" }, [{ hold: hold(1000, 400), amount: 600 }], 10)).toBeNull();
    expect(checkConfirmLoan({ status: "COLLECTING" }, [{ hold: hold(1000, 400), amount: 601 }], 0)).toMatchObject({ rule: "confirmationsExceedFrozen" });
    expect(checkConfirmLoan({ status: "REPAYING" }, [{ hold: hold(1000), amount: 1 }], 0)).toMatchObject({ rule: "projectNotCollecting" });
    expect(checkConfirmLoan({ status: "COLLECTING" }, [{ hold: hold(1000), amount: -5 }], 0)).toMatchObject({ rule: "amountNotPositive" });
  });

  it("repayment: only investors, cumulative ≤ frozen, and the last one exactly equal", () => {
    const investors = new Set(["I1", "I2"]);
    const d = [{ platformUserNo: "I1", amount: 500, income: 20 }];
    expect(checkConfirmRepayment({ status: "REPAYING" }, hold(1000), d, 10, { investors })).toBeNull();
    expect(checkConfirmRepayment({ status: "REPAYING" }, hold(1000, 500), d, 0, { investors })).toMatchObject({ rule: "confirmationsExceedFrozen" });
    expect(checkConfirmRepayment({ status: "REPAYING" }, hold(1000), d, 10, { investors, complete: true })).toMatchObject({ rule: "detailsNotFrozen" });
    expect(checkConfirmRepayment({ status: "REPAYING" }, hold(530), d, 10, { investors, complete: true })).toBeNull();
    expect(checkConfirmRepayment({ status: "REPAYING" }, hold(1000), [{ platformUserNo: "X", amount: 1, income: 0 }], 0, { investors })).toMatchObject({
      rule: "repaymentNotInvestor",
    });
    expect(checkConfirmRepayment({ status: "COLLECTING" }, hold(1000), d, 0, { investors })).toMatchObject({ rule: "projectNotRepaying" });
  });

  it("debt transfer only on a repaying project and within the buyer's hold", () => {
    expect(checkConfirmTransfer({ status: "REPAYING" }, hold(1000), 1000, 10)).toBeNull();
    expect(checkConfirmTransfer({ status: "REPAYING" }, hold(1000), 1001, 10)).toMatchObject({ rule: "confirmationsExceedFrozen" });
    expect(checkConfirmTransfer({ status: "COLLECTING" }, hold(1000), 10, 0)).toMatchObject({ rule: "projectNotRepaying" });
  });

  it("unbinds only at zero balance; withdraws only with a bound card and enough available money; banks per operation", () => {
    expect(checkUnbind({ available: 0, frozen: 0 })).toBeNull();
    expect(checkUnbind({ available: 0, frozen: 1 })).toMatchObject({ rule: "unbindBalanceNotZero", values: { balance: 1 } });
    expect(checkWithdraw({ cardBound: false }, 100, 1000)).toMatchObject({ rule: "withdrawNoCard" });
    expect(checkWithdraw({ cardBound: true }, 1001, 1000)).toMatchObject({ rule: "insufficientAvailable" });
    expect(checkWithdraw({ cardBound: true }, 1000, 1000)).toBeNull();
    expect(checkBank("personalWithdraw", "ICBK")).toBeNull();
    expect(checkBank("enterpriseWithdraw", "GDBK")).toMatchObject({ rule: "bankNotSupported" });
  });

  it("every rule is explained in zh-CN and en with the same placeholders", () => {
    const rules: CustodyRule[] = [
      "projectBackwards",
      "projectAmountFrozen",
      "projectNotCollecting",
      "projectNotRepaying",
      "projectClosed",
      "detailsNotFrozen",
      "confirmationsExceedFrozen",
      "repaymentNotInvestor",
      "unbindBalanceNotZero",
      "withdrawNoCard",
      "bankNotSupported",
      "amountNotPositive",
      "insufficientAvailable",
      "transferNoSeller",
      "transferShareAbovePayment",
      "transferSellerIsBuyer",
      "transferOriginalNotSellers",
      "transferShareExceedsHolding",
    ];
    const ledgerRules = ["holdMissing", "holdExceeded", "holdWrongProject", "holdWrongKind", "commissionExceeds", "holdAlreadyOpen", "unfreezeAlreadyProposed"];
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const rule of [...rules, ...ledgerRules]) {
      const z = (zh.custody as Record<string, string>)[rule];
      const e = (en.custody as Record<string, string>)[rule];
      expect(z, rule).toBeTruthy();
      expect(e, rule).toBeTruthy();
      expect(placeholders(z!)).toEqual(placeholders(e!));
    }
  });
});

describe("§2.18 debt transfer, per seller", () => {
  const holdings = new Map([
    ["S1", { principal: 60_000, confirmRequestNos: new Set(["LOAN1"]) }],
    ["S2", { principal: 40_000, confirmRequestNos: new Set(["LOAN1", "TR1"]) }],
  ]);
  const line = (platformUserNo: string, share: number, amount = share, originalConfirmRequestNo = "LOAN1") => ({ platformUserNo, share, amount, originalConfirmRequestNo });

  it("accepts several sellers, each within what they hold", () => {
    expect(checkTransferSellers("BUYER", [line("S1", 30_000, 31_000), line("S2", 40_000, 40_000, "TR1")], holdings)).toBeNull();
  });

  it("refuses each rule by name, for the seller that breaks it", () => {
    expect(checkTransferSellers("BUYER", [], holdings)).toMatchObject({ rule: "transferNoSeller" });
    expect(checkTransferSellers("BUYER", [line("S1", 10_000), line("S2", 5_000, 4_999)], holdings)).toMatchObject({ rule: "transferShareAbovePayment", values: { platformUserNo: "S2" } });
    expect(checkTransferSellers("S1", [line("S2", 1_000), line("S1", 1_000)], holdings)).toMatchObject({ rule: "transferSellerIsBuyer", values: { platformUserNo: "S1" } });
    expect(checkTransferSellers("BUYER", [line("S1", 1_000, 1_000, "TR1")], holdings)).toMatchObject({ rule: "transferOriginalNotSellers", values: { platformUserNo: "S1", originalConfirmRequestNo: "TR1" } });
    expect(checkTransferSellers("BUYER", [line("NOBODY", 1_000)], holdings)).toMatchObject({ rule: "transferOriginalNotSellers" });
    // Two lines of one seller count together against what they hold.
    expect(checkTransferSellers("BUYER", [line("S2", 30_000), line("S2", 10_001, 10_001, "TR1")], holdings)).toMatchObject({
      rule: "transferShareExceedsHolding",
      values: { platformUserNo: "S2", share: 40_001, principal: 40_000 },
    });
    expect(checkTransferSellers("BUYER", [line("S1", 0)], holdings)).toMatchObject({ rule: "amountNotPositive" });
  });
});
