import { describe, expect, it } from "vitest";
import type { ConfirmedOperation } from "./operations";
import { planPostings, type HoldState, type PostingPlan } from "./rules";

const hold = (h: Partial<HoldState> & { holdNo: string }): HoldState => ({
  owner: "INV1",
  kind: "USER_PRE_TRANSACTION",
  bizType: "TENDER",
  projectNo: "P1",
  amount: 10_000,
  released: 0,
  ...h,
});
const holds = (...hs: HoldState[]) => new Map(hs.map((h) => [h.holdNo, h]));
const sumOf = (p: PostingPlan) => (p.ok ? p.lines.reduce((a, l) => a + l.amount, 0) : NaN);
const line = (p: PostingPlan, owner: string | null, bucket: string) =>
  p.ok ? p.lines.filter((l) => l.owner === owner && l.bucket === bucket).reduce((a, l) => a + l.amount, 0) : NaN;

describe("posting rules", () => {
  it("recharge moves money from the external bank into the user's available bucket", () => {
    const p = planPostings({ kind: "RECHARGE", requestNo: "R1", owner: "U1", amount: 12_345 }, holds());
    expect(p.ok && p.lines).toEqual([
      { owner: null, bucket: "EXTERNAL", amount: -12_345 },
      { owner: "U1", bucket: "AVAILABLE", amount: 12_345 },
    ]);
  });

  it("a user-mode fee is taken from the user; the platform mode posts nothing (billed outside custody)", () => {
    const user = planPostings({ kind: "WITHDRAW", requestNo: "W1", owner: "U1", amount: 1000, fee: 200, feeMode: "USER" }, holds());
    expect(line(user, "U1", "AVAILABLE")).toBe(-1200);
    const platform = planPostings({ kind: "WITHDRAW", requestNo: "W2", owner: "U1", amount: 1000, fee: 200, feeMode: "PLATFORM" }, holds());
    expect(line(platform, "U1", "AVAILABLE")).toBe(-1000);
  });

  it("a user pre-transaction moves available to frozen and opens the hold named by its requestNo", () => {
    const p = planPostings({ kind: "USER_PRE_TRANSACTION", requestNo: "T1", owner: "INV1", amount: 5000, bizType: "TENDER", projectNo: "P1" }, holds());
    expect(p.ok && p.open).toEqual({ holdNo: "T1", owner: "INV1", kind: "USER_PRE_TRANSACTION", bizType: "TENDER", projectNo: "P1", amount: 5000 });
    expect(line(p, "INV1", "FROZEN")).toBe(5000);
    expect(line(p, "INV1", "AVAILABLE")).toBe(-5000);
  });

  it("confirm loan: borrower gets Σ − commission, the fee account the commission, holds release what was lent", () => {
    const op: ConfirmedOperation = {
      kind: "CONFIRM_LOAN",
      requestNo: "L1",
      projectNo: "P1",
      borrower: "B",
      commission: 300,
      details: [
        { preTransactionNo: "T1", amount: 6000 },
        { preTransactionNo: "T2", amount: 4000 },
      ],
    };
    const p = planPostings(op, holds(hold({ holdNo: "T1" }), hold({ holdNo: "T2", owner: "INV2" })));
    expect(sumOf(p)).toBe(0);
    expect(line(p, "B", "AVAILABLE")).toBe(9700);
    expect(line(p, "PLATFORM_FEE_ACCOUNT", "AVAILABLE")).toBe(300);
    expect(line(p, "INV2", "FROZEN")).toBe(-4000);
    expect(p.ok && p.releases).toEqual([
      { holdNo: "T1", amount: 6000 },
      { holdNo: "T2", amount: 4000 },
    ]);
  });

  it("partial loan confirmations draw on the same hold, never beyond it (also within one request)", () => {
    const h = holds(hold({ holdNo: "T1", released: 7000 }));
    const base = { kind: "CONFIRM_LOAN", requestNo: "L2", projectNo: "P1", borrower: "B", commission: 0 } as const;
    expect(planPostings({ ...base, details: [{ preTransactionNo: "T1", amount: 3000 }] }, h).ok).toBe(true);
    expect(planPostings({ ...base, details: [{ preTransactionNo: "T1", amount: 3001 }] }, h)).toMatchObject({ ok: false, rule: "holdExceeded" });
    const twice = [
      { preTransactionNo: "T1", amount: 2000 },
      { preTransactionNo: "T1", amount: 2000 },
    ];
    expect(planPostings({ ...base, details: twice }, h)).toMatchObject({ ok: false, rule: "holdExceeded" });
  });

  it("refuses a loan drawing on another project's hold or a non-tender hold", () => {
    const base = { kind: "CONFIRM_LOAN", requestNo: "L3", projectNo: "P1", borrower: "B", commission: 0, details: [{ preTransactionNo: "T1", amount: 1 }] } as const;
    expect(planPostings(base, holds(hold({ holdNo: "T1", projectNo: "P2" })))).toMatchObject({ ok: false, rule: "holdWrongProject" });
    expect(planPostings(base, holds(hold({ holdNo: "T1", bizType: "REPAYMENT" })))).toMatchObject({ ok: false, rule: "holdWrongKind" });
    expect(planPostings({ ...base, commission: 2 }, holds(hold({ holdNo: "T1" })))).toMatchObject({ ok: false, rule: "commissionExceeds" });
  });

  it("repayment: Σ(principal + interest) + commission leaves the borrower's hold, investors get principal + interest", () => {
    const h = holds(hold({ holdNo: "R1", owner: "B", bizType: "REPAYMENT", amount: 10_600 }));
    const op: ConfirmedOperation = {
      kind: "CONFIRM_REPAYMENT",
      requestNo: "C1",
      projectNo: "P1",
      preTransactionNo: "R1",
      commission: 100,
      details: [
        { platformUserNo: "INV1", amount: 6000, income: 300 },
        { platformUserNo: "INV2", amount: 4000, income: 200 },
      ],
    };
    const p = planPostings(op, h);
    expect(sumOf(p)).toBe(0);
    expect(line(p, "B", "FROZEN")).toBe(-10_600);
    expect(line(p, "INV1", "AVAILABLE")).toBe(6300);
    expect(line(p, "PLATFORM_FEE_ACCOUNT", "AVAILABLE")).toBe(100);
    expect(planPostings({ ...op, commission: 101 }, h)).toMatchObject({ ok: false, rule: "holdExceeded" });
  });

  it("debt transfer: the buyer's hold pays Σ amount and the seller pays the commission", () => {
    const h = holds(hold({ holdNo: "D1", owner: "BUYER", bizType: "CREDIT_ASSIGNMENT", amount: 5000 }));
    const op: ConfirmedOperation = {
      kind: "CONFIRM_DEBENTURE_TRANSFER",
      requestNo: "X1",
      projectNo: "P1",
      preTransactionNo: "D1",
      commission: 50,
      details: [{ platformUserNo: "SELLER", amount: 5000, share: 5000, originalConfirmRequestNo: "T1" }],
    };
    const p = planPostings(op, h);
    expect(line(p, "BUYER", "FROZEN")).toBe(-5000);
    expect(line(p, "SELLER", "AVAILABLE")).toBe(4950);
    expect(line(p, "PLATFORM_FEE_ACCOUNT", "AVAILABLE")).toBe(50);
    expect(sumOf(p)).toBe(0);
  });

  it("unfreeze releases the whole remaining hold named by oriRequestNo, and only a FREEZE hold", () => {
    const h = holds(hold({ holdNo: "F1", kind: "FREEZE", bizType: null, projectNo: null, amount: 800 }));
    const p = planPostings({ kind: "UNFREEZE", requestNo: "UF1", oriRequestNo: "F1" }, h);
    expect(line(p, "INV1", "AVAILABLE")).toBe(800);
    expect(planPostings({ kind: "UNFREEZE", requestNo: "UF2", oriRequestNo: "T1" }, holds(hold({ holdNo: "T1" })))).toMatchObject({ rule: "holdWrongKind" });
    expect(planPostings({ kind: "UNFREEZE", requestNo: "UF3", oriRequestNo: "F9" }, h)).toMatchObject({ rule: "holdMissing" });
  });

  it("cancel gives part of a pre-transaction back, cumulatively no more than was frozen", () => {
    const h = holds(hold({ holdNo: "T1", released: 9000 }));
    expect(line(planPostings({ kind: "CANCEL_PRE_TRANSACTION", requestNo: "K1", preTransactionNo: "T1", amount: 1000 }, h), "INV1", "AVAILABLE")).toBe(1000);
    expect(planPostings({ kind: "CANCEL_PRE_TRANSACTION", requestNo: "K2", preTransactionNo: "T1", amount: 1001 }, h)).toMatchObject({ rule: "holdExceeded" });
  });

  it("marketing pays users from the platform's marketing hold", () => {
    const h = holds(hold({ holdNo: "M1", owner: "PLATFORM_MARKETING_ACCOUNT", kind: "PLATFORM_PRE_TRANSACTION", bizType: "MARKETING", projectNo: null, amount: 300 }));
    const p = planPostings({ kind: "CONFIRM_PLATFORM_MARKETING", requestNo: "MK1", preTransactionNo: "M1", details: [{ platformUserNo: "U1", amount: 300 }] }, h);
    expect(line(p, "PLATFORM_MARKETING_ACCOUNT", "FROZEN")).toBe(-300);
    expect(planPostings({ kind: "CONFIRM_PLATFORM_MARKETING", requestNo: "MK2", preTransactionNo: "M1", details: [{ platformUserNo: "U1", amount: 301 }] }, h)).toMatchObject({
      rule: "holdExceeded",
    });
  });

  it("refuses zero, negative and fractional amounts", () => {
    for (const amount of [0, -1, 1.5]) {
      expect(planPostings({ kind: "RECHARGE", requestNo: "R", owner: "U1", amount }, holds())).toMatchObject({ ok: false, rule: "amountNotPositive" });
    }
    const rep = { kind: "CONFIRM_REPAYMENT", requestNo: "C", projectNo: "P1", preTransactionNo: "R1", commission: 0 } as const;
    const h = holds(hold({ holdNo: "R1", bizType: "REPAYMENT" }));
    expect(planPostings({ ...rep, details: [{ platformUserNo: "I", amount: 100, income: -1 }] }, h)).toMatchObject({ rule: "amountNotPositive" });
    expect(planPostings({ ...rep, details: [{ platformUserNo: "I", amount: 0, income: 50 }] }, h).ok).toBe(true);
    expect(planPostings({ ...rep, details: [] }, h)).toMatchObject({ rule: "amountNotPositive" });
  });
});
