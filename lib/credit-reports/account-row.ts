/** Shared by the server (account-view.ts) and the viewer's client tabs: no server imports here. */

/**
 * Accounts in the compact shape the viewer's first screen needs: one row per account with a
 * 60-letter state string instead of 60 objects. An account's other fields and its monthly
 * amounts are not in the page: the browser fetches them when the analyst unfolds the account
 * (GET /api/credit-reports/<id>/accounts/<tab>/<index>). 200 accounts stay ~25 kB.
 */
export type AccountRow = {
  title: string;
  company: string;
  state: string;
  amount: string;
  /** First month shown (YYYY-MM); the grid runs 60 months from it. Null without a record. */
  from: string | null;
  /** 60 letters, oldest first: the state, or {@link NO_STATE} where the record prints none. Empty without a record. */
  states: string;
};

/** The grid letter for a month the record does not print (never a state letter of the report). */
export const NO_STATE = ".";

export const LOAN_TABS = [
  { key: "acyclicLoan", section: "acyclicCreditAccount" },
  { key: "cyclicalAmount", section: "cyclicalAmountPerAccount" },
  { key: "cyclicalLoan", section: "cyclicalLoanAccount" },
  { key: "creditCard", section: "creditAccount" },
  { key: "quasiCreditCard", section: "quasiCreditAccount" },
] as const;

export type AccountTabKey = (typeof LOAN_TABS)[number]["key"];
export type AccountTab = { key: AccountTabKey; section: string; present: boolean; accounts: AccountRow[] };

/** What unfolding one account fetches: its fields (without the record) and the grid's months with amounts. */
export type AccountDetail = { details: Record<string, unknown>; months: { label: string; state: string | null; amount: string | null }[] };

export function isAccountTabKey(key: string): key is AccountTabKey {
  return LOAN_TABS.some((t) => t.key === key);
}
