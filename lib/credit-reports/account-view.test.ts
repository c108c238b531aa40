import { describe, expect, it } from "vitest";
import { accountDetail, accountTabs, NO_STATE } from "./account-view";
import { grid, loan } from "./indicators/test-fixtures";

describe("compact account rows for the viewer's first screen", () => {
  it("one 60-letter state string per account, '.' where the record prints nothing; no details, no amounts", () => {
    const s = { acyclicCreditAccount: [loan({ states: ["1", "/", "#", "N"], end: "2024.03" })], creditAccount: [{ name: "卡1", refundRecord: grid("2024.03", ["N"]) }] } as never;
    const tabs = accountTabs(s, null);
    const row = tabs.find((t) => t.key === "acyclicLoan")!.accounts[0]!;
    expect(row.states).toHaveLength(60);
    expect(row.states.slice(-4)).toBe("1/#N");
    expect(row.states[0]).toBe(NO_STATE);
    expect(row.from).toBe("2019-04");
    expect(Object.keys(row).sort()).toEqual(["amount", "company", "from", "state", "states", "title"]);
    expect(tabs.find((t) => t.key === "quasiCreditCard")).toMatchObject({ present: false, accounts: [] });
  });

  it("an account without a record: empty states, no first month; details on demand carry the record's months", () => {
    const s = { creditAccount: [{ name: "卡1" }, { name: "卡2", refundRecord: grid("2024.03", ["2"]) }] } as never;
    expect(accountTabs(s, null)[3]!.accounts[0]).toMatchObject({ from: null, states: "" });
    const detail = accountDetail(s, "creditCard", 1, null)!;
    expect(detail.details).toEqual({ name: "卡2" });
    expect(detail.months.at(-1)).toMatchObject({ label: "2024-03", state: "2" });
    expect(accountDetail(s, "creditCard", 2, null)).toBeNull();
    expect(accountDetail(s, "acyclicLoan", 0, null)).toBeNull();
  });
});
