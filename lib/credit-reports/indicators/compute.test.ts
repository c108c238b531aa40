import { describe, expect, it } from "vitest";
import { computeIndicators } from "./compute";
import { card, loan, report } from "./test-fixtures";

const zeroLevels = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };

describe("indicators: edge cases", () => {
  it("a report without accounts or queries", () => {
    const i = computeIndicators(report());
    expect(i.currentOverdue).toEqual({ accounts: 0, amountFen: 0 });
    expect(i.worstStatus24m).toBeNull();
    expect(i.delinquencies?.[24]).toEqual(zeroLevels);
    expect(i.cardUtilisationBp).toBeNull();
    expect(i.totalDebtFen).toBe(0);
    expect(i.institutions).toEqual({ open: 0, all: 0 });
    expect(i.queries?.loanApproval).toEqual({ 1: 0, 3: 0, 6: 0, 12: 0 });
    expect(Object.values(i.flags).every((f) => f === false)).toBe(true);
  });

  it("all accounts closed: no debt, no open institutions, utilisation unknown", () => {
    const i = computeIndicators(report({ loans: [loan({ state: "结清", states: ["N", "N", "C"] })], cards: [card({ state: "销户", limit: "20,000" })] }));
    expect(i.totalDebtFen).toBe(0);
    expect(i.institutions).toEqual({ open: 0, all: 2 });
    expect(i.cardUtilisationBp).toBeNull();
    expect(i.worstStatus24m).toBe("N");
  });

  it("a grid of only / and #: # is the worst known, nothing counts as overdue", () => {
    const i = computeIndicators(report({ loans: [loan({ states: ["/", "/", "#", "/"] })] }));
    expect(i.worstStatus24m).toBe("#");
    expect(i.delinquencies?.[6]).toEqual(zeroLevels);
  });

  it("no readable report time: the relative indicators are null, the others computed", () => {
    const i = computeIndicators(report({ reportTime: "报告时间", loans: [loan({ balance: "1,234.56" })] }));
    expect(i.reportDate).toBeNull();
    expect(i.queries).toBeNull();
    expect(i.worstStatus24m).toBeNull();
    expect(i.totalDebtFen).toBe(123_456);
  });
});

describe("indicators: windows count back from the report's date, not today", () => {
  it("queries by reason in 1/3/6/12 months; the boundary day belongs to the older window", () => {
    const i = computeIndicators(
      report({
        reportTime: "2024.03.31 09:00:00",
        queries: [
          ["2024.03.31", "贷款审批"], // the report's day
          ["2024.02.29", "贷款审批"], // exactly 1 month back (31 → 29, leap year): not in the last month
          ["2024.03.01", "信用卡审批"],
          ["2023.12.31", "担保资格审查"], // 3 months back to the day: in 6, not 3
          ["2023.04.01", "贷后管理"],
          ["2023.03.31", "本人查询"], // 12 months back to the day: outside
          ["2024.04.01", "贷款审批"], // after the report: ignored
        ],
      }),
    );
    expect(i.queries?.loanApproval).toEqual({ 1: 1, 3: 2, 6: 2, 12: 2 });
    expect(i.queries?.cardApproval).toEqual({ 1: 1, 3: 1, 6: 1, 12: 1 });
    expect(i.queries?.guaranteeCheck).toEqual({ 1: 0, 3: 0, 6: 1, 12: 1 });
    expect(i.queries?.postLoan).toEqual({ 1: 0, 3: 0, 6: 0, 12: 1 });
    expect(i.queries?.self).toEqual({ 1: 0, 3: 0, 6: 0, 12: 0 });
  });

  it("M1…M7+ counts per window and the worst state in 24 months", () => {
    // 30 months ending at the report month 2024.03: a 3 at age 29 (outside 24), 1-2 at ages 10-9, a 1 at age 2.
    const states = ["3", ...Array(18).fill("N"), "1", "2", ...Array(6).fill("N"), "1", "N", "N"];
    expect(states).toHaveLength(30);
    const i = computeIndicators(report({ loans: [loan({ states })] }));
    expect(i.worstStatus24m).toBe("2");
    expect(i.delinquencies?.[6]).toEqual({ ...zeroLevels, 1: 1 });
    expect(i.delinquencies?.[12]).toEqual({ ...zeroLevels, 1: 2, 2: 1 });
    expect(i.delinquencies?.[24]).toEqual({ ...zeroLevels, 1: 2, 2: 1 });
  });

  it("bad-debt letters are worse than any count of months", () => {
    const i = computeIndicators(report({ loans: [loan({ states: ["7", "D"] }), loan({ states: ["B", "N"] })] }));
    expect(i.worstStatus24m).toBe("B");
    expect(i.delinquencies?.[6][7]).toBe(1);
  });
});

describe("indicators: amounts", () => {
  it("current overdue, debt by type, utilisation (now and 6-month), institutions", () => {
    const i = computeIndicators(
      report({
        loans: [loan({ company: "甲银行", balance: "50,000", overdue: "1,500.50" }), loan({ company: "丁银行", state: "结清" })],
        cards: [
          card({ company: "乙银行", limit: "10,000", used: "5,000", avg6: "4,000" }),
          card({ company: "甲银行", limit: "20,000", used: "5,000", avg6: "2,000", overdue: "300" }),
          card({ company: "戊银行", state: "销户", limit: "50,000" }),
        ],
      }),
    );
    expect(i.currentOverdue).toEqual({ accounts: 2, amountFen: 180_050 });
    expect(i.debtByTypeFen.acyclicLoan).toBe(5_000_000);
    expect(i.debtByTypeFen.creditCard).toBe(1_000_000);
    expect(i.totalDebtFen).toBe(6_000_000);
    expect(i.cardUtilisationBp).toBe(3333);
    expect(i.cardUtilisation6mBp).toBe(2000);
    expect(i.institutions).toEqual({ open: 2, all: 4 });
  });

  it("guarantee exposure and the flags", () => {
    const i = computeIndicators(
      report({
        loans: [loan({ state: "呆账", balance: "8,000" })],
        extra: {
          creditTransInfoDetail: {
            acyclicCreditAccount: [loan({ state: "呆账", balance: "8,000" })],
            recoveryInfo: [{ type: "资产处置", accountState: { value: "催收" } }],
            concernedRefundDutyInfo: { concernRefundPersonBorrow: [{ personDutyType: "保证人", refundDutyAmount: "50,000", surplusAmount: "20,000" }] },
          },
          infoSummary: { creditTransBreachInfoSummary: { recourseInfoSummary: { totalAccountNum: "2", detail: [{ type: "垫款业务", accountNum: "1" }] } } },
          publicInfoDetail: { civilJudgmentRecord: [{ no: "1" }] },
        },
      }),
    );
    expect(i.guarantee).toEqual({ accounts: 1, amountFen: 5_000_000, balanceFen: 2_000_000 });
    expect(i.flags).toEqual({ badDebt: true, assetDisposal: true, advances: true, recourse: true, publicRecords: true });
    expect(i.debtByTypeFen.acyclicLoan).toBe(800_000);
  });
});
