import { MoneyParseError, parseYuan, type Fen } from "@/lib/money";

/**
 * Wire text → domain values. Credit reports print amounts with thousands separators
 * ("12,000", "1,234.56"), and dates in several shapes: "2015.05.05", "2015年05月05日",
 * "2015-05-05", months as "2015.05" / "2015年05月", report times with a clock
 * ("2020.01.01 10:00:00"). Empty cells are "", "--" or "-". All pure; unreadable text is
 * `null`, never a throw — the viewer shows the text as printed.
 */

const EMPTY = new Set(["", "-", "--", "—", "无", "/"]);

/** An amount in yuan → integer fen; `null` when empty or not an amount. */
export function amountToFen(text: string | null | undefined): Fen | null {
  const s = text?.trim().replace(/[元\s]/g, "") ?? "";
  if (EMPTY.has(s)) return null;
  try {
    return parseYuan(s);
  } catch (err) {
    if (err instanceof MoneyParseError) return null;
    throw err;
  }
}

/** A whole number ("12", "3笔") or `null`. */
export function countOf(text: string | null | undefined): number | null {
  const m = /^\s*(\d{1,9})\s*(?:笔|个|家|次|期|月)?\s*$/.exec(text ?? "");
  return m ? Number(m[1]) : null;
}

/** A calendar day or month as the report prints it; `day` is absent for a month. */
export type ReportDate = { year: number; month: number; day?: number };

const DATE = /^\s*(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:月)?\s*(?:[.\-/]?\s*(\d{1,2})\s*日?)?/;

export function parseReportDate(text: string | null | undefined): ReportDate | null {
  const m = DATE.exec(text ?? "");
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > daysIn(year, month)))) return null;
  return day === undefined ? { year, month } : { year, month, day };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months since year 0: a total order on months, and month arithmetic by subtraction. */
export function monthIndex(d: { year: number; month: number }): number {
  return d.year * 12 + (d.month - 1);
}

export function monthOfIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2015-05" / "2015-05-05": how the console writes a report date back. */
export function formatReportDate(d: ReportDate | null): string {
  if (!d) return "";
  const ym = `${d.year}-${String(d.month).padStart(2, "0")}`;
  return d.day === undefined ? ym : `${ym}-${String(d.day).padStart(2, "0")}`;
}
