import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { InboundStatus, Prisma } from "@/lib/generated/prisma/client";

export type InboxFilters = { source?: string | null; status?: InboundStatus | null; eventType?: string | null; key?: string | null; from?: Date | null; to?: Date | null };

export function inboxWhere(f: InboxFilters): Prisma.InboundEventWhereInput {
  return {
    ...(f.source ? { source: f.source } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.eventType ? { eventType: f.eventType } : {}),
    ...(f.key ? { eventKey: { contains: f.key.trim() } } : {}),
    ...(f.from || f.to ? { receivedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

const listFields = {
  id: true, source: true, eventType: true, eventKey: true, status: true, signatureOk: true, attempts: true,
  lastError: true, receivedAt: true, processedAt: true, targetType: true, targetId: true, duplicateOfId: true,
} as const;

export async function listInboundEvents(db: DbOrTx, f: InboxFilters, page: { page: number; perPage: number; sortDir: "asc" | "desc" }) {
  const where = inboxWhere(f);
  const [rows, total] = await Promise.all([
    db.inboundEvent.findMany({ where, select: listFields, orderBy: [{ receivedAt: page.sortDir }, { id: page.sortDir }], skip: (page.page - 1) * page.perPage, take: page.perPage }),
    db.inboundEvent.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: String(r.id), duplicateOfId: r.duplicateOfId === null ? null : String(r.duplicateOfId) })), total };
}
export type InboxRow = Awaited<ReturnType<typeof listInboundEvents>>["rows"][number];

/** One event for the admin detail page: masked body only; the raw body needs a reveal. */
export async function getInboundEventOrNull(db: DbOrTx, id: bigint) {
  // pendingApply holds the fields a waiting event will apply (the timeline's, e.g. an SMS text): not shown.
  const event = await db.inboundEvent.findUnique({ where: { id }, omit: { bodyEncrypted: true, pendingApply: true } });
  if (!event) return null;
  return { ...event, id: String(event.id), duplicateOfId: event.duplicateOfId === null ? null : String(event.duplicateOfId) };
}

export async function listInboxSources(db: DbOrTx): Promise<string[]> {
  const rows = await db.inboundEvent.findMany({ distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}
