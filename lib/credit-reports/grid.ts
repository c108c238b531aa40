import { gridMonths } from "./indicators/accounts";
import { monthIndex, monthOfIndex, parseReportDate, type ReportDate } from "@/lib/vendors/deepfinch/transform";
import { countOf } from "@/lib/vendors/deepfinch/transform";

type Record_ = {
  endDate?: string | null;
  detail?: { year?: string | null; month?: { monthValue?: string | null; amount?: string | null; state?: string | null }[] | null }[] | null;
} | null | undefined;

export type GridCell = { label: string; state: string | null; amount: string | null };

/**
 * The 60 months a repayment record covers, oldest first, ending at the record's own end month
 * (else the report's month, else the latest month printed). A month the record does not print
 * is a cell without a state, never a guess.
 */
export function gridCells(record: Record_, reportDate: ReportDate | null): GridCell[] {
  const states = gridMonths(record);
  const amounts = new Map<number, string>();
  for (const y of record?.detail ?? []) {
    const year = countOf(y.year);
    if (year === null) continue;
    for (const m of y.month ?? []) {
      const month = countOf(m.monthValue);
      if (month !== null && m.amount) amounts.set(monthIndex({ year, month }), m.amount);
    }
  }
  const end = parseReportDate(record?.endDate ?? undefined) ?? reportDate;
  const last = end ? monthIndex(end) : states.size ? Math.max(...states.keys()) : null;
  if (last === null) return [];
  return Array.from({ length: 60 }, (_, i) => {
    const idx = last - 59 + i;
    const { year, month } = monthOfIndex(idx);
    return { label: `${year}-${String(month).padStart(2, "0")}`, state: states.get(idx) ?? null, amount: amounts.get(idx) ?? null };
  });
}
