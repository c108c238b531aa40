import "server-only";
import type { DbOrTx } from "@/lib/db";
import { nextDailyNumber } from "@/lib/sequence";

/** `outsideOrderId` = `CR` + `yyMMdd` + 5-digit daily sequence (design.md §3). */
export function nextOutsideOrderId(db: DbOrTx, now = new Date()): Promise<string> {
  return nextDailyNumber(db, "pretrial.outsideOrderId", "CR", now);
}
