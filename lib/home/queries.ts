import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { type Area, areasFor } from "@/lib/auth/roles";
import { getCapitalCardStats } from "@/lib/capital/queries";
import type { DbOrTx } from "@/lib/db";
import { startOfBeijingDay } from "@/lib/format/dates";
import { COUNT_CAP, type CappedCount } from "@/lib/list/cursor";
import { getPretrialCardStats } from "@/lib/pretrial/queries";
import { getScoreCardStats } from "@/lib/risk-scores/queries";
import { getTodos } from "./todos";

const capped = (n: number): CappedCount => (n > COUNT_CAP ? { value: COUNT_CAP, capped: true } : { value: n, capped: false });

export async function getInboxCardStats(db: DbOrTx, since = startOfBeijingDay()) {
  const [row] = await db.$queryRaw<{ today: number; attention: number }[]>`
    SELECT (SELECT CAST(count(*) AS int) FROM inbound_events WHERE received_at >= ${since}) AS today,
           (SELECT CAST(count(*) AS int) FROM (SELECT 1 FROM inbound_events WHERE status IN ('UNMATCHED', 'FAILED') LIMIT ${COUNT_CAP + 1}) s) AS attention`;
  return { today: row.today, attention: capped(row.attention) };
}

export async function getAuditCardStats(db: DbOrTx, since = startOfBeijingDay()) {
  const [row] = await db.$queryRaw<{ today: number; denied: number }[]>`
    SELECT CAST(count(*) AS int) AS today, CAST(count(*) FILTER (WHERE outcome = 'denied') AS int) AS denied FROM audit_logs WHERE at >= ${since}`;
  return row;
}

export async function getUsersCardStats(db: DbOrTx) {
  const [row] = await db.$queryRaw<{ active: number; disabled: number }[]>`
    SELECT CAST(count(*) FILTER (WHERE NOT disabled) AS int) AS active, CAST(count(*) FILTER (WHERE disabled) AS int) AS disabled FROM users`;
  return row;
}

export type HomeCards = {
  pretrial?: Awaited<ReturnType<typeof getPretrialCardStats>>;
  "risk-scores"?: Awaited<ReturnType<typeof getScoreCardStats>>;
  capital?: Awaited<ReturnType<typeof getCapitalCardStats>>;
  inbox?: Awaited<ReturnType<typeof getInboxCardStats>>;
  audit?: Awaited<ReturnType<typeof getAuditCardStats>>;
  users?: Awaited<ReturnType<typeof getUsersCardStats>>;
};

/**
 * Everything the workbench shows for one user: the role's to-do list and the figures of each
 * area card it may open, all queries in parallel (each an index range, see docs/lists.md).
 */
export async function getWorkbench(db: DbOrTx, user: SessionUser, now = new Date()) {
  const areas = areasFor(user.role);
  const since = startOfBeijingDay(now);
  const has = (a: Area) => areas.includes(a);
  const [todos, pretrial, scores, capital, inbox, audit, users] = await Promise.all([
    getTodos(db, user, now),
    has("pretrial") ? getPretrialCardStats(db, user, since) : undefined,
    has("risk-scores") ? getScoreCardStats(db, user, since) : undefined,
    has("capital") ? getCapitalCardStats(db) : undefined,
    has("inbox") ? getInboxCardStats(db, since) : undefined,
    has("audit") ? getAuditCardStats(db, since) : undefined,
    has("users") ? getUsersCardStats(db) : undefined,
  ]);
  const cards: HomeCards = { pretrial, "risk-scores": scores, capital, inbox, audit, users };
  return { areas, todos, cards };
}
