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

/**
 * One event for the admin detail page, without its body: a body can be tens of megabytes, so
 * the page reads a bounded preview (`readEventBodyPreview`) and offers the rest as a download.
 */
export async function getInboundEventOrNull(db: DbOrTx, id: bigint) {
  // pendingApply holds the fields a waiting event will apply (the timeline's, e.g. an SMS text): not shown.
  const event = await db.inboundEvent.findUnique({ where: { id }, omit: { bodyEncrypted: true, bodyMasked: true, pendingApply: true } });
  if (!event) return null;
  return { ...event, id: String(event.id), duplicateOfId: event.duplicateOfId === null ? null : String(event.duplicateOfId) };
}

/**
 * At most `maxBytes` of the masked body (UTF-8, cut on a character boundary) and the body's
 * whole size in bytes; null for an unknown event. The cut happens in the database, so a huge
 * body never travels whole for a page view.
 */
export async function readEventBodyPreview(db: DbOrTx, id: bigint, maxBytes: number): Promise<{ text: string; totalBytes: number; truncated: boolean } | null> {
  const rows = await db.$queryRaw<{ head: Uint8Array; total: number }[]>`
    SELECT substring(convert_to(left(body_masked, ${maxBytes}::int), 'UTF8') from 1 for ${maxBytes}::int) AS head,
           octet_length(body_masked)::int AS total
      FROM inbound_events WHERE id = ${id}`;
  const row = rows[0];
  if (!row) return null;
  // A cut inside a multi-byte character leaves a replacement character at the end: drop it.
  const text = new TextDecoder("utf-8").decode(row.head).replace(/\uFFFD+$/, "");
  return { text, totalBytes: row.total, truncated: row.total > row.head.length };
}

/** The whole masked body, for the admin's download. */
export async function readEventBodyMasked(db: DbOrTx, id: bigint): Promise<string | null> {
  const row = await db.inboundEvent.findUnique({ where: { id }, select: { bodyMasked: true } });
  return row?.bodyMasked ?? null;
}

export async function listInboxSources(db: DbOrTx): Promise<string[]> {
  const rows = await db.inboundEvent.findMany({ distinct: ["source"], select: { source: true }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}
