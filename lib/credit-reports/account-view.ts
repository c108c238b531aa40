import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import type { ReportDate } from "@/lib/vendors/deepfinch/transform";
import { gridCells, type GridCell } from "./grid";
import { LOAN_TABS, NO_STATE, type AccountDetail, type AccountRow, type AccountTab, type AccountTabKey } from "./account-row";

export * from "./account-row";

/** One state letter per month; a multi-letter state (never seen, but wire text) keeps its first letter. */
export function stateString(cells: GridCell[]): string {
  return cells.map((c) => (c.state ? c.state[0] : NO_STATE)).join("");
}

function row(a: Record<string, unknown>, index: number, reportDate: ReportDate | null): AccountRow {
  const cells = a.refundRecord ? gridCells(a.refundRecord as Parameters<typeof gridCells>[0], reportDate) : [];
  return {
    title: String(a.name ?? `#${index + 1}`),
    company: String(a.manageCompany ?? a.cardCompany ?? ""),
    state: String((a.accountState as { value?: unknown } | undefined)?.value ?? ""),
    amount: String(a.refundAmount ?? a.accountExtensionAmount ?? ""),
    from: cells[0]?.label ?? null,
    states: stateString(cells),
  };
}

function accountsOf(s: TReportSections, key: AccountTabKey): Record<string, unknown>[] | undefined {
  const tab = LOAN_TABS.find((t) => t.key === key);
  return tab ? (s[tab.section] as Record<string, unknown>[] | undefined) : undefined;
}

export function accountTabs(s: TReportSections, reportDate: ReportDate | null): AccountTab[] {
  return LOAN_TABS.map((tab) => {
    const list = accountsOf(s, tab.key);
    return { key: tab.key, section: tab.section, present: list !== undefined, accounts: (list ?? []).map((a, i) => row(a, i, reportDate)) };
  });
}

/** One account's details for the fold, or null when the tab has no account at that index. */
export function accountDetail(s: TReportSections, key: AccountTabKey, index: number, reportDate: ReportDate | null): AccountDetail | null {
  const account = accountsOf(s, key)?.[index];
  if (!account) return null;
  const { refundRecord, ...details } = account;
  return { details, months: refundRecord ? gridCells(refundRecord as Parameters<typeof gridCells>[0], reportDate) : [] };
}
