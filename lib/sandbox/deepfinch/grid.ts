import { addMonths, chance, dotMonth, cnMonth, int, yuanText, type Month, type Rng } from "./rng";

/**
 * A realistic 60-month repayment record ending at the report month: "/" before the account
 * opened, mostly "N", now and then a "*" (nothing due), "#" (unknown), and — for the accounts
 * the generator makes troubled — a run of 1, 2, 3… climbing and paid back; "C" after
 * clearance, "G" for a closed card, "B"/"D"/"Z" in bad-debt histories.
 */
export type GridProfile = "clean" | "late" | "bad" | "closed";

export function repaymentGrid(rng: Rng, end: Month, opened: Month, profile: GridProfile, monthlyFen: number) {
  const start = addMonths(end, -59);
  const openedIndex = opened.year * 12 + opened.month;
  const closedAt = profile === "closed" ? int(rng, 6, 40) : 60;
  const lateAt = profile === "late" ? int(rng, 20, 55) : profile === "bad" ? int(rng, 10, 30) : -1;
  const lateRun = profile === "late" ? int(rng, 1, 3) : 7;
  const states: { month: Month; state: string; amount: number }[] = [];
  for (let i = 0; i < 60; i++) {
    const month = addMonths(start, i);
    let state = "N";
    let amount = monthlyFen;
    if (month.year * 12 + month.month < openedIndex) {
      state = "/";
      amount = 0;
    } else if (i >= closedAt) {
      state = "C";
      amount = 0;
    } else if (lateAt >= 0 && i >= lateAt && i < lateAt + lateRun) {
      state = String(i - lateAt + 1);
      amount = monthlyFen * (i - lateAt + 1);
    } else if (profile === "bad" && lateAt >= 0 && i >= lateAt + lateRun) {
      state = i === lateAt + lateRun ? "D" : chance(rng, 0.5) ? "B" : "Z";
      amount = monthlyFen * 7;
    } else if (chance(rng, 0.04)) {
      state = "*";
      amount = 0;
    } else if (chance(rng, 0.01)) {
      state = "#";
    }
    states.push({ month, state, amount });
  }
  const years = new Map<number, { monthValue: string; amount: string; state: string }[]>();
  for (const s of states) {
    const list = years.get(s.month.year) ?? [];
    list.push({ monthValue: String(s.month.month), amount: yuanText(s.amount), state: s.state });
    years.set(s.month.year, list);
  }
  return {
    dateRange: `${cnMonth(start)}-${cnMonth(end)}的还款记录`,
    startDate: dotMonth(start),
    endDate: dotMonth(end),
    detail: [...years].map(([year, month]) => ({ year: String(year), month })),
  };
}
