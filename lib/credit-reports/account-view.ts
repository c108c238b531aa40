import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import type { ReportDate } from "@/lib/vendors/deepfinch/transform";
import { gridCells } from "./grid";

/**
 * Accounts in the compact shape the viewer's client tabs render: a 60-letter state string
 * and its amounts instead of 60 objects, the rest of the account kept as it came for the
 * "details" fold. 200 accounts × 60 months stay a few hundred kB and one render per tab.
 */
export type CompactAccount = {
  title: string;
  company: string;
  state: string;
  amount: string;
  /** First month shown (YYYY-MM); the grid runs 60 months from it. Null without a record. */
  from: string | null;
  /** 60 entries: the state letter, or "" where the record prints none. */
  states: string[];
  amounts: (string | null)[];
  details: Record<string, unknown>;
};

export const LOAN_TABS = [
  { key: "acyclicLoan", section: "acyclicCreditAccount" },
  { key: "cyclicalAmount", section: "cyclicalAmountPerAccount" },
  { key: "cyclicalLoan", section: "cyclicalLoanAccount" },
  { key: "creditCard", section: "creditAccount" },
  { key: "quasiCreditCard", section: "quasiCreditAccount" },
] as const;

export type AccountTab = { key: (typeof LOAN_TABS)[number]["key"]; section: string; present: boolean; accounts: CompactAccount[] };

function compact(a: Record<string, unknown>, index: number, reportDate: ReportDate | null): CompactAccount {
  const { refundRecord, ...details } = a;
  const cells = refundRecord ? gridCells(refundRecord as Parameters<typeof gridCells>[0], reportDate) : [];
  return {
    title: String(a.name ?? `#${index + 1}`),
    company: String(a.manageCompany ?? a.cardCompany ?? ""),
    state: String((a.accountState as { value?: unknown } | undefined)?.value ?? ""),
    amount: String(a.refundAmount ?? a.accountExtensionAmount ?? ""),
    from: cells[0]?.label ?? null,
    states: cells.map((c) => c.state ?? ""),
    amounts: cells.map((c) => c.amount),
    details,
  };
}

export function accountTabs(s: TReportSections, reportDate: ReportDate | null): AccountTab[] {
  return LOAN_TABS.map((tab) => {
    const list = s[tab.section] as Record<string, unknown>[] | undefined;
    return { key: tab.key, section: tab.section, present: list !== undefined, accounts: (list ?? []).map((a, i) => compact(a, i, reportDate)) };
  });
}
