import "server-only";
import type { DbOrTx } from "@/lib/db";
import { beijingDay } from "@/lib/format/dates";

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
