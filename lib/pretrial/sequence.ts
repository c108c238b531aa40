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
 * `outsideOrderId` = `CR` + `yyMMdd` + 5-digit daily sequence (design.md §3). The counter is
 * one row per day, incremented atomically, so replicas never hand out the same number.
 */
export async function nextOutsideOrderId(db: DbOrTx, now = new Date()): Promise<string> {
  const day = beijingDay(now);
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO daily_sequences (name, day, value) VALUES ('pretrial.outsideOrderId', ${day}, 1)
    ON CONFLICT (name, day) DO UPDATE SET value = daily_sequences.value + 1
    RETURNING value`;
  const value = rows[0]?.value ?? 1;
  if (value > 99_999) throw new Error(`outsideOrderId sequence exhausted for ${day}`);
  return `CR${day}${String(value).padStart(5, "0")}`;
}
