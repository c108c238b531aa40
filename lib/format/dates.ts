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

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date-time typed by a person (`datetime-local`: `2018-08-23T15:33`, or `2018-08-23 15:33:00`)
 * read as Beijing wall-clock time, whatever the server's TZ. A text with its own zone (`Z`,
 * `+08:00`) keeps it. Invalid input gives an invalid Date, as `new Date` does.
 */
export function parseBeijingDateTime(text: string): Date {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? new Date(text.trim()) : new Date(Number.NaN);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  const back = new Date(utc);
  // Date.UTC rolls 2018-02-30 over to March: refuse it rather than send another day.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || (s || 0) > 59) return new Date(Number.NaN);
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** `yyMMdd` of the Beijing calendar day. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(2, 10).replace(/-/g, "");
}

/** `yyyy-MM-dd` of the Beijing calendar day, as date filters in the URL take it. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
