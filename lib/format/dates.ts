/**
 * Date filters arrive as calendar days (`2026-11-24`, parsed as UTC midnight by nuqs). Business
 * days are Beijing days, so a "to" day includes everything until the next Beijing midnight.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

export function startOfDay(day: Date | null): Date | null {
  return day ? new Date(day.getTime() - BEIJING_OFFSET_MS) : null;
}

export function endOfDay(day: Date | null): Date | null {
  return day ? new Date(day.getTime() + 24 * 3600_000 - BEIJING_OFFSET_MS) : null;
}
