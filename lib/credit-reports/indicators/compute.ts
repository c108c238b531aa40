import type { TReportSections } from "@/lib/vendors/deepfinch/report";
import { amountToFen, countOf, monthIndex, parseReportDate, type ReportDate } from "@/lib/vendors/deepfinch/transform";
import { ACCOUNT_TYPES, accountsOf, reportDateOf, type Account, type AccountType } from "./accounts";

/**
 * The indicators lenders decide on, computed from a parsed report relative to the report's
 * own date (creditHeader.reportTime), each defined in docs/credit-reports.md and shown with its
 * definition in the viewer (messages creditReports.indicators.*). Pure.
 */
export const QUERY_REASONS = ["loanApproval", "cardApproval", "guaranteeCheck", "postLoan", "self"] as const;
export type QueryReason = (typeof QUERY_REASONS)[number];
export const QUERY_WINDOWS = [1, 3, 6, 12] as const;
export const DELINQUENCY_WINDOWS = [6, 12, 24] as const;
export const DELINQUENCY_LEVELS = ["1", "2", "3", "4", "5", "6", "7"] as const;

const REASON_TEXT: Record<QueryReason, RegExp> = {
  loanApproval: /贷款审批/,
  cardApproval: /信用卡审批/,
  guaranteeCheck: /担保资格审查|保前审查/,
  postLoan: /贷后管理/,
  self: /本人查询/,
};

/** Worse is later: a bad-debt letter beats any count of months overdue. */
const SEVERITY = ["/", "*", "#", "C", "G", "N", "1", "2", "3", "4", "5", "6", "7", "D", "Z", "B"];

export type Indicators = {
  /** null when the report has no readable time: the relative indicators cannot be computed. */
  reportDate: ReportDate | null;
  queries: Record<QueryReason, Record<(typeof QUERY_WINDOWS)[number], number>> | null;
  currentOverdue: { accounts: number; amountFen: number };
  /** The worst state letter in the last 24 months (N when all paid), null without grids or a date. */
  worstStatus24m: string | null;
  /** Account-months at each level 1–7 ("7" is M7+) in the last 6/12/24 months. */
  delinquencies: Record<(typeof DELINQUENCY_WINDOWS)[number], Record<(typeof DELINQUENCY_LEVELS)[number], number>> | null;
  /** Basis points (1 % = 100) of used over limit on open credit cards; null without a limit. */
  cardUtilisationBp: number | null;
  cardUtilisation6mBp: number | null;
  debtByTypeFen: Record<AccountType, number>;
  totalDebtFen: number;
  institutions: { open: number; all: number };
  guarantee: { accounts: number; amountFen: number; balanceFen: number };
  flags: { badDebt: boolean; assetDisposal: boolean; advances: boolean; recourse: boolean; publicRecords: boolean };
};

/** Day number of a date (UTC midnight / 86 400 000), for window comparisons. */
function dayNumber(d: ReportDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day ?? 1) / 86_400_000);
}

/** The report date moved back N months, the day clamped to the month's length. */
function monthsBefore(d: ReportDate, n: number): ReportDate {
  const i = monthIndex(d) - n;
  const year = Math.floor(i / 12);
  const month = (i % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day ?? 1, last) };
}

function countQueries(s: TReportSections, at: ReportDate): Indicators["queries"] {
  const out = Object.fromEntries(QUERY_REASONS.map((r) => [r, Object.fromEntries(QUERY_WINDOWS.map((w) => [w, 0]))])) as NonNullable<Indicators["queries"]>;
  const end = dayNumber(at);
  for (const q of s.queryRecord ?? []) {
    const date = parseReportDate(q.date);
    const reason = QUERY_REASONS.find((r) => REASON_TEXT[r].test(q.queryReason ?? ""));
    if (!date || !reason) continue;
    const day = dayNumber(date);
    // A query on the report's day counts; one after it cannot exist and is ignored.
    for (const w of QUERY_WINDOWS) if (day <= end && day > dayNumber(monthsBefore(at, w))) out[reason][w]++;
  }
  return out;
}

function delinquencies(accounts: Account[], at: ReportDate): Pick<Indicators, "worstStatus24m" | "delinquencies"> {
  const last = monthIndex(at);
  const counts = Object.fromEntries(DELINQUENCY_WINDOWS.map((w) => [w, Object.fromEntries(DELINQUENCY_LEVELS.map((l) => [l, 0]))])) as NonNullable<Indicators["delinquencies"]>;
  let worst: string | null = null;
  for (const a of accounts) {
    for (const [month, state] of a.grid) {
      const age = last - month; // 0 = the report's month
      if (age < 0 || age >= 24) continue;
      if (SEVERITY.includes(state) && (worst === null || SEVERITY.indexOf(state) > SEVERITY.indexOf(worst))) worst = state;
      if (!(DELINQUENCY_LEVELS as readonly string[]).includes(state)) continue;
      for (const w of DELINQUENCY_WINDOWS) if (age < w) counts[w][state as (typeof DELINQUENCY_LEVELS)[number]]++;
    }
  }
  return { worstStatus24m: worst, delinquencies: counts };
}

function ratioBp(num: number, den: number): number | null {
  return den > 0 ? Math.round((num * 10_000) / den) : null;
}

export function computeIndicators(s: TReportSections): Indicators {
  const accounts = accountsOf(s);
  const at = reportDateOf(s);
  const open = accounts.filter((a) => !a.closed);
  const cards = open.filter((a) => a.type === "creditCard" && !a.badDebt && a.limitFen !== null);
  const limit = cards.reduce((x, a) => x + (a.limitFen ?? 0), 0);

  const debtByTypeFen = Object.fromEntries(ACCOUNT_TYPES.map((t) => [t, 0])) as Record<AccountType, number>;
  for (const a of open) debtByTypeFen[a.type] += a.balanceFen ?? 0;

  const duty = s.concernedRefundDutyInfo;
  const duties = [...(duty?.concernRefundPersonBorrow ?? []), ...(duty?.concernRefundCompanyBorrow ?? [])];
  const guarantees = duties.filter((d) => /保证|担保/.test(d.personDutyType ?? "") || !d.personDutyType);

  const recovery = s.recoveryInfo ?? [];
  const recourseTypes = [...recovery.map((r) => r.type ?? ""), ...(s.recourseInfoSummary?.detail ?? []).filter((d) => (countOf(d.accountNum) ?? 0) > 0).map((d) => d.type ?? "")];
  const pub = s.publicInfoDetail;
  const open_ = s.openInfo;
  const publicCount = [pub?.owingTaxRecord, pub?.civilJudgmentRecord, pub?.forceExecuteRecord, pub?.administrativePenaltyRecord, open_?.judgmentInfo, open_?.executionInfo, open_?.punishmentInfo, open_?.arrearsInfo]
    .reduce((n, list) => n + (list?.length ?? 0), 0);

  const rel = at ? delinquencies(accounts, at) : { worstStatus24m: null, delinquencies: null };
  return {
    reportDate: at,
    queries: at ? countQueries(s, at) : null,
    currentOverdue: {
      accounts: open.filter((a) => a.overdueFen > 0).length,
      amountFen: open.reduce((x, a) => x + a.overdueFen, 0),
    },
    ...rel,
    cardUtilisationBp: ratioBp(cards.reduce((x, a) => x + (a.usedFen ?? 0), 0), limit),
    cardUtilisation6mBp: ratioBp(cards.reduce((x, a) => x + (a.avg6UsedFen ?? 0), 0), limit),
    debtByTypeFen,
    totalDebtFen: Object.values(debtByTypeFen).reduce((x, y) => x + y, 0),
    institutions: {
      open: new Set(open.map((a) => a.company).filter(Boolean)).size,
      all: new Set(accounts.map((a) => a.company).filter(Boolean)).size,
    },
    guarantee: {
      accounts: guarantees.length,
      amountFen: guarantees.reduce((x, d) => x + (amountToFen(d.refundDutyAmount) ?? 0), 0),
      balanceFen: guarantees.reduce((x, d) => x + (amountToFen(d.surplusAmount) ?? 0), 0),
    },
    flags: {
      badDebt: accounts.some((a) => a.badDebt) || (countOf(s.badDebtsSummary?.accountNum) ?? 0) > 0 || (rel.worstStatus24m === "B"),
      assetDisposal: recourseTypes.some((t) => /资产处置/.test(t)),
      advances: recourseTypes.some((t) => /垫款/.test(t)),
      recourse: recovery.length > 0 || (countOf(s.recourseInfoSummary?.totalAccountNum) ?? 0) > 0,
      publicRecords: publicCount > 0,
    },
  };
}
