import { describe, expect, it } from "vitest";
import { ZDebtTransferForm, ZEnterpriseBindForm, ZFreezeForm, ZPlatformPreForm, ZPosRechargeForm, ZReversalForm } from "./op-schemas";
import { fenFrom, fenOrZeroFrom } from "./yuan";

/** The first message per field: what the form shows (components/ui/form-field.tsx shows one). */
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).toReversed().map((i) => [i.path.join("."), i.message]));

describe("custody form schemas", () => {
  it("amounts: positive yuan with at most two decimals, each refusal a translated key", () => {
    for (const amount of ["1", "0.01", "12345.6", "999999999.99"]) expect(ZFreezeForm.safeParse({ platformUserNo: "U1", amount }).success).toBe(true);
    for (const amount of ["1.234", "0", "0.00", "-1", "1e3", "abc", "1000000000"]) expect(issues(ZFreezeForm.safeParse({ platformUserNo: "U1", amount }))).toEqual({ amount: "amount" });
    expect(issues(ZFreezeForm.safeParse({ platformUserNo: "", amount: "" }))).toEqual({ platformUserNo: "required", amount: "required" });
  });

  it("POS recharge: blank amount (the customer types it) or positive yuan with at most two decimals", () => {
    for (const amount of ["", " ", "88.8", "0.01"]) expect(ZPosRechargeForm.safeParse({ platformUserNo: "U1", amount }).success).toBe(true);
    for (const amount of ["0", "1.234", "-5", "abc"]) expect(issues(ZPosRechargeForm.safeParse({ platformUserNo: "U1", amount }))).toEqual({ amount: "amount" });
  });

  it("yuan text becomes fen exactly; a bad amount is a field error", () => {
    expect(fenFrom("amount", "123.45")).toBe(12_345);
    expect(fenFrom("amount", "0.1")).toBe(10);
    expect(fenOrZeroFrom("commission", "")).toBe(0);
    expect(fenOrZeroFrom("commission", "0.00")).toBe(0);
    expect(() => fenFrom("amount", "0")).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { amount: ["amount"] } }));
  });

  it("numbers, bank codes and the debt transfer's share rule", () => {
    expect(issues(ZEnterpriseBindForm.safeParse({ platformUserNo: "U 1", bankcardNo: "6222020000000000001", bankcode: "ic" }))).toMatchObject({ platformUserNo: "custodyNo", bankcode: "custodyBankcode" });
    const line = { seller: "S", originalConfirmRequestNo: "C", amount: "100", share: "100" };
    const dt = { projectNo: "P", preTransactionNo: "H", commission: "", sellers: [line, { ...line, seller: "S2", share: "100.01" }] };
    // The rule is checked per seller line, and names the line.
    expect(issues(ZDebtTransferForm.safeParse(dt))).toEqual({ "sellers.1.share": "custodyShareAbovePayment" });
    expect(ZDebtTransferForm.safeParse({ ...dt, sellers: [line, { ...line, seller: "S2" }] }).success).toBe(true);
    expect(ZDebtTransferForm.safeParse({ ...dt, sellers: [] }).success).toBe(false);
    expect(ZDebtTransferForm.safeParse({ ...dt, sellers: Array.from({ length: 11 }, () => line) }).success).toBe(false);
    expect(ZPlatformPreForm.safeParse({ account: "PLATFORM_FEE_ACCOUNT", amount: "1", projectNo: "" }).success).toBe(false);
    expect(issues(ZReversalForm.safeParse({ transactionId: "12", reason: "  " }))).toEqual({ reason: "required" });
  });
});
