/**
 * Business days are Beijing days (UTC+8, no daylight saving): "today" on the home cards, the
 * `yyMMdd` of order numbers, and date filters. Date filters arrive as calendar days
 * (`2026-11-24`, parsed as UTC midnight by nuqs), so a "to" day includes everything until the
 * next Beijing midnight.
 */
export const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export function startOfDay(day: Date | null): Date | null {
  return day ? new Date(day.getTime() - BEIJING_OFFSET_MS) : null;
}

export function endOfDay(day: Date | null): Date | null {
  return day ? new Date(day.getTime() + DAY_MS - BEIJING_OFFSET_MS) : null;
}

/** The instant the current Beijing day began. */
export function startOfBeijingDay(now = new Date()): Date {
  const shifted = now.getTime() + BEIJING_OFFSET_MS;
  return new Date(shifted - (shifted % DAY_MS) - BEIJING_OFFSET_MS);
}

/** `yyMMdd` of the Beijing calendar day. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(2, 10).replace(/-/g, "");
}

/** `yyyy-MM-dd` of the Beijing calendar day, as date filters in the URL take it. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
