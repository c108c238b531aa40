import "server-only";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
import { type InboundStatus, Prisma } from "@/lib/generated/prisma/client";
import { cappedCountSql, keysetPage, type KeysetSort } from "@/lib/list/keyset";

export type InboxFilters = { source?: string | null; status?: InboundStatus | null; eventType?: string | null; key?: string | null; from?: Date | null; to?: Date | null };

/** The WHERE clause over `inbound_events e`; status leads its own index, the key substring has a trigram index. */
export function inboxConditions(f: InboxFilters): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (f.source) and.push(Prisma.sql`e.source = ${f.source}`);
  if (f.status) and.push(Prisma.sql`e.status = CAST(${f.status} AS "InboundStatus")`);
  if (f.eventType) and.push(Prisma.sql`e.event_type = ${f.eventType}`);
  if (f.key?.trim()) and.push(Prisma.sql`e.event_key LIKE ${`%${f.key.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.from) and.push(Prisma.sql`e.received_at >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`e.received_at < ${f.to}`);
  return and;
}

export type InboxRow = {
  id: string; source: string; eventType: string; eventKey: string | null; status: InboundStatus; signatureOk: boolean; attempts: number;
  lastError: string | null; receivedAt: Date; processedAt: Date | null; targetType: string | null; targetId: string | null; duplicateOfId: string | null;
};

const SELECT = Prisma.sql`CAST(e.id AS text) AS id, e.source, e.event_type AS "eventType", e.event_key AS "eventKey", e.status,
  e.signature_ok AS "signatureOk", e.attempts, e.last_error AS "lastError", e.received_at AS "receivedAt", e.processed_at AS "processedAt",
  e.target_type AS "targetType", e.target_id AS "targetId", CAST(e.duplicate_of_id AS text) AS "duplicateOfId"`;
const FROM = Prisma.sql`inbound_events e`;

/** Keyset paging over (received_at, id); the count is capped (lib/list/keyset.ts). */
export async function listInboundEvents(db: DbOrTx, f: InboxFilters, page: { cursor: string | null; perPage: number; sortDir: "asc" | "desc" }) {
  const where = inboxConditions(f);
  const sort: KeysetSort = { key: Prisma.sql`e.received_at`, type: "timestamptz", id: Prisma.sql`e.id`, idType: "bigint", dir: page.sortDir };
  const { counts, ...rows } = await keysetPage<InboxRow, "total">(db, {
    select: SELECT, from: FROM, where, sort, cursor: page.cursor, perPage: page.perPage, counts: { from: FROM, named: { total: where } },
  });
  return { ...rows, total: counts.total };
}

/** The capped count the inbox list shows for these filters, as a scalar subquery for the workbench. */
export function inboxCountSql(f: InboxFilters): Prisma.Sql {
  return cappedCountSql(FROM, inboxConditions(f));
}

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

/**
 * The sources seen, for the filter: a loose index scan over (source, status, received_at), one
 * index probe per source instead of a DISTINCT over every event.
 */
export async function listInboxSources(db: DbOrTx): Promise<string[]> {
  const rows = await readRows<{ source: string }>(
    db,
    Prisma.sql`
    WITH RECURSIVE s AS (
      (SELECT source FROM inbound_events ORDER BY source LIMIT 1)
      UNION ALL
      SELECT (SELECT e.source FROM inbound_events e WHERE e.source > s.source ORDER BY e.source LIMIT 1) FROM s WHERE s.source IS NOT NULL
    )
    SELECT source FROM s WHERE source IS NOT NULL`,
  );
  return rows.map((r) => r.source);
}
