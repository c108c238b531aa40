import type { RiskCaseStatusValue } from "./list-params";

/**
 * Our workflow on a case: new → investigating → waiting (on the merchant or the vendor) ⇄
 * investigating → closed with a conclusion. Any open case may be closed; a closed case may be
 * reopened (back to investigating, conclusion cleared). Pure, tested over every pair.
 */
const NEXT: Record<RiskCaseStatusValue, readonly RiskCaseStatusValue[]> = {
  NEW: ["INVESTIGATING", "CLOSED"],
  INVESTIGATING: ["WAITING", "CLOSED"],
  WAITING: ["INVESTIGATING", "CLOSED"],
  CLOSED: ["INVESTIGATING"],
};

export function canMoveCase(from: RiskCaseStatusValue, to: RiskCaseStatusValue): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: RiskCaseStatusValue): readonly RiskCaseStatusValue[] {
  return NEXT[from];
}

/** Days since the vendor created the case, for the age badge: calm under 3, warning to 7, overdue past 7. */
export function caseAge(createTime: Date, now = new Date()): { days: number; tone: "fresh" | "ageing" | "overdue" } {
  const days = Math.max(0, Math.floor((now.getTime() - createTime.getTime()) / 86_400_000));
  return { days, tone: days > 7 ? "overdue" : days >= 3 ? "ageing" : "fresh" };
}
