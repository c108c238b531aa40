import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditFilters = {
  actor?: string | null;
  action?: string | null;
  outcome?: "ok" | "denied" | "error" | null;
  target?: string | null;
  from?: Date | null;
  to?: Date | null;
};

export function auditWhere(f: AuditFilters): Prisma.AuditLogWhereInput {
  return {
    ...(f.actor ? { actorName: { equals: f.actor.trim().toLowerCase() } } : {}),
    ...(f.action ? { action: { startsWith: f.action.trim() } } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.target ? { targetId: f.target.trim() } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/** Newest first; offset paging over the (at) index. */
export async function listAuditLogs(db: DbOrTx, f: AuditFilters, page: { page: number; perPage: number; sortDir: "asc" | "desc" }) {
  const where = auditWhere(f);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ at: page.sortDir }, { id: page.sortDir }], skip: (page.page - 1) * page.perPage, take: page.perPage }),
    db.auditLog.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: String(r.id) })), total };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditLogs>>["rows"][number];
