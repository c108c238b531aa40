import "server-only";
import type { DbOrTx } from "@/lib/db";
import { Prisma, type Role } from "@/lib/generated/prisma/client";
import { keysetPage, type KeysetSort } from "@/lib/list/keyset";

export type AuditFilters = {
  actor?: string | null;
  action?: string | null;
  outcome?: "ok" | "denied" | "error" | null;
  target?: string | null;
  from?: Date | null;
  to?: Date | null;
};

/** The WHERE clause over `audit_logs a`; actor, action, outcome and target each lead an index. */
export function auditConditions(f: AuditFilters): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (f.actor?.trim()) and.push(Prisma.sql`a.actor_name = ${f.actor.trim().toLowerCase()}`);
  // A prefix match: LIKE 'x%' under the C locale is an index range on (action, at).
  if (f.action?.trim()) and.push(Prisma.sql`a.action LIKE ${`${f.action.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.outcome) and.push(Prisma.sql`a.outcome = ${f.outcome}`);
  if (f.target?.trim()) and.push(Prisma.sql`a.target_id = ${f.target.trim()}`);
  if (f.from) and.push(Prisma.sql`a.at >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`a.at < ${f.to}`);
  return and;
}

export type AuditRow = {
  id: string; at: Date; actorId: string | null; actorName: string | null; actorRole: Role | null; action: string; outcome: string;
  targetType: string | null; targetId: string | null; before: unknown; after: unknown; detail: string | null; ip: string | null; requestId: string | null;
};

const SELECT = Prisma.sql`CAST(a.id AS text) AS id, a.at, a.actor_id AS "actorId", a.actor_name AS "actorName", a.actor_role AS "actorRole",
  a.action, a.outcome, a.target_type AS "targetType", a.target_id AS "targetId", a.before, a.after, a.detail, a.ip, a.request_id AS "requestId"`;
const FROM = Prisma.sql`audit_logs a`;

/** Newest first by default; keyset paging over the (at, id) index. */
export async function listAuditLogs(db: DbOrTx, f: AuditFilters, page: { cursor: string | null; perPage: number; sortDir: "asc" | "desc" }) {
  const where = auditConditions(f);
  const sort: KeysetSort = { key: Prisma.sql`a.at`, type: "timestamptz", id: Prisma.sql`a.id`, idType: "bigint", dir: page.sortDir };
  const { counts, ...rows } = await keysetPage<AuditRow, "total">(db, {
    select: SELECT, from: FROM, where, sort, cursor: page.cursor, perPage: page.perPage, counts: { from: FROM, named: { total: where } },
  });
  return { ...rows, total: counts.total };
}
