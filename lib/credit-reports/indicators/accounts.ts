import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import { amountToFen, countOf, monthIndex, parseReportDate } from "@/lib/vendors/deepfinch/transform";

/**
 * Every credit account of a report in one shape, whatever its type, for the indicators and the
 * viewer's tabs. Amounts in fen (null when the report prints none); `grid` maps a month index
 * (transform.monthIndex) to the repayment state letter printed for it.
 */
export const ACCOUNT_TYPES = ["acyclicLoan", "cyclicalAmount", "cyclicalLoan", "creditCard", "quasiCreditCard"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export type Account = {
  type: AccountType;
  company: string;
  /** The state as printed (正常, 逾期, 结清, 呆账, 销户 …). */
  state: string;
  closed: boolean;
  badDebt: boolean;
  balanceFen: number | null;
  limitFen: number | null;
  usedFen: number | null;
  avg6UsedFen: number | null;
  overdueFen: number;
  grid: Map<number, string>;
};

type Grid = { detail?: { year?: string | null; month?: { monthValue?: string | null; state?: string | null }[] | null }[] | null } | null | undefined;

export function gridMonths(record: Grid): Map<number, string> {
  const grid = new Map<number, string>();
  for (const y of record?.detail ?? []) {
    const year = countOf(y.year);
    if (year === null) continue;
    for (const m of y.month ?? []) {
      const month = countOf(m.monthValue);
      const state = m.state?.trim();
      if (month === null || month < 1 || month > 12 || !state) continue;
      grid.set(monthIndex({ year, month }), state.toUpperCase());
    }
  }
  return grid;
}

const CLOSED = /结清|销户|转出|结束/;
const BAD = /呆账|呆帐/;
const sum = (...v: (number | null)[]) => v.reduce<number>((a, b) => a + (b ?? 0), 0);

export function accountsOf(s: TReportSections): Account[] {
  const out: Account[] = [];
  const loans: [AccountType, NonNullable<TReportSections["acyclicCreditAccount"]>][] = [
    ["acyclicLoan", s.acyclicCreditAccount ?? []],
    ["cyclicalAmount", s.cyclicalAmountPerAccount ?? []],
    ["cyclicalLoan", s.cyclicalLoanAccount ?? []],
  ];
  for (const [type, list] of loans) {
    for (const a of list) {
      const st = a.accountState;
      const state = st?.value ?? "";
      const normal = st?.normal;
      out.push({
        type,
        company: a.manageCompany ?? "",
        state,
        closed: CLOSED.test(state) || (!!st?.clear && !normal),
        badDebt: BAD.test(state) || (!!st?.badDebt && !normal),
        balanceFen: amountToFen(normal?.surplusAmount ?? st?.badDebt?.surplusAmount),
        limitFen: amountToFen(a.refundAmount),
        usedFen: null,
        avg6UsedFen: null,
        overdueFen: amountToFen(normal?.currOverdueAmount) ?? 0,
        grid: gridMonths(a.refundRecord),
      });
    }
  }
  for (const a of s.creditAccount ?? []) {
    const st = a.accountState;
    const state = st?.value ?? "";
    const normal = st?.normal;
    out.push({
      type: "creditCard",
      company: a.cardCompany ?? "",
      state,
      closed: CLOSED.test(state) || (!!st?.accountCanceled && !normal),
      badDebt: BAD.test(state) || (!!st?.badDebt && !normal),
      balanceFen: amountToFen(normal?.usedAmount ?? normal?.surplusAmount ?? st?.badDebt?.surplusAmount),
      limitFen: amountToFen(a.accountExtensionAmount),
      usedFen: amountToFen(normal?.usedAmount),
      avg6UsedFen: amountToFen(normal?.avg6monthPay),
      overdueFen: amountToFen(normal?.currOverdueAmount) ?? 0,
      grid: gridMonths(a.refundRecord),
    });
  }
  for (const a of s.quasiCreditAccount ?? []) {
    const st = a.accountState;
    const state = st?.value ?? "";
    const normal = st?.normal;
    out.push({
      type: "quasiCreditCard",
      company: a.cardCompany ?? "",
      state,
      closed: CLOSED.test(state) || (!!st?.accountCanceled && !normal),
      badDebt: BAD.test(state) || (!!st?.badDebt && !normal),
      balanceFen: amountToFen(normal?.overDraftAmount ?? st?.badDebt?.surplusAmount),
      limitFen: amountToFen(a.accountExtensionAmount),
      usedFen: amountToFen(normal?.overDraftAmount),
      avg6UsedFen: amountToFen(normal?.latest6MonthsAvgOverDraftAmount),
      // A quasi-credit card is overdue once an overdraft is unpaid for 60 days; the report
      // prints only the part over 180 days.
      overdueFen: sum(amountToFen(normal?.overDraft180UnpayedAmount)),
      grid: gridMonths(a.refundRecord),
    });
  }
  return out;
}

/** The report's own month and day: every "last N months" counts back from here, never from today. */
export function reportDateOf(s: TReportSections) {
  return parseReportDate(s.creditHeader?.reportTime);
}
