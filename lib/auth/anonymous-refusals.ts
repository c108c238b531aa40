import "server-only";
import { writeAudit } from "@/lib/audit";
import type { DbOrTx } from "@/lib/db";

/** Refusals without a session written to the audit log per address, action and minute; the rest are counted. */
export const ANONYMOUS_AUDITS_PER_WINDOW = 3;
const WINDOW_MS = 60_000;

/**
 * A caller without a session was refused. Anyone can send such requests in bulk, so they are
 * counted per address, action and minute in `anonymous_refusals` (one upsert), and only the
 * first few of a window become audit rows (issue 8, security 10). The last of those says that
 * further refusals are being counted.
 */
export async function recordAnonymousRefusal(db: DbOrTx, entry: { action: string; ip: string; detail: string }, now = new Date()) {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "anonymous_refusals" ("ip", "action", "window_start") VALUES (${entry.ip}, ${entry.action}, ${windowStart})
    ON CONFLICT ("ip", "action", "window_start") DO UPDATE SET "count" = "anonymous_refusals"."count" + 1
    RETURNING "count"`;
  const count = row?.count ?? 1;
  if (count > ANONYMOUS_AUDITS_PER_WINDOW) return;
  const detail = count === ANONYMOUS_AUDITS_PER_WINDOW ? `${entry.detail}; further refusals from this address this minute are only counted` : entry.detail;
  await writeAudit(db, { actor: null, action: entry.action, outcome: "denied", detail, ip: entry.ip });
}
