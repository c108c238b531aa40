import "server-only";
import type { DbOrTx } from "@/lib/db";

/**
 * Per-source refusal counts only matter for the minute they throttle (design.md §2); a day of
 * them is kept for reading, older ones are deleted by the hourly housekeeping job.
 */
export async function deleteOldRefusalCounts(db: DbOrTx, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM inbound_refusal_counts WHERE minute < ${new Date(now.getTime() - 24 * 3600_000)}`;
}
