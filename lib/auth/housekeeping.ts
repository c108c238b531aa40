import "server-only";
import type { DbOrTx } from "@/lib/db";

/** Rows that only matter for a while: signed-out sessions past their token's lifetime, old refusal counts. */
export async function deleteExpiredAuthRows(db: DbOrTx, now = new Date()) {
  const sessions = await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  const refusals = await db.anonymousRefusal.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return { sessions: sessions.count, refusals: refusals.count };
}
