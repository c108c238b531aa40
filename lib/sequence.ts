import "server-only";
import type { DbOrTx } from "@/lib/db";

/** `yyMMdd` of the Beijing calendar day. */
export function beijingDay(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  const yy = String(shifted.getUTCFullYear() % 100).padStart(2, "0");
  const mm = String(shifted.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(shifted.getUTCDate()).padStart(2, "0");
  return `${yy}${mm}${dd}`;
}

/**
 * `<prefix><yyMMdd><5-digit daily sequence>`: one counter row per name and day, incremented
 * atomically, so replicas never hand out the same number.
 */
export async function nextDailyNumber(db: DbOrTx, name: string, prefix: string, now = new Date()): Promise<string> {
  const day = beijingDay(now);
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO daily_sequences (name, day, value) VALUES (${name}, ${day}, 1)
    ON CONFLICT (name, day) DO UPDATE SET value = daily_sequences.value + 1
    RETURNING value`;
  const value = rows[0]?.value ?? 1;
  if (value > 99_999) throw new Error(`${name} sequence exhausted for ${day}`);
  return `${prefix}${day}${String(value).padStart(5, "0")}`;
}
