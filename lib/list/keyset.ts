import "server-only";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_CAP, type CappedCount, type Cursor, decodeCursor, encodeCursor } from "./cursor";

/**
 * Keyset paging over one sort key plus the row id as tie-break, both in the same direction, so
 * `(key, id) < (:key, :id)` is a row comparison an index on `(key, id)` answers directly: page
 * 5,000 costs what page 1 costs. The key travels in the cursor as PostgreSQL's own text form and
 * is cast back with `type`, so nothing is lost to JavaScript numbers or dates.
 */
export type KeysetSort = {
  /** The sort key as SQL over the listed table's alias, e.g. `o.created_at`; never null. */
  key: Prisma.Sql;
  type: "timestamptz" | "numeric" | "text";
  id: Prisma.Sql;
  idType: "text" | "bigint";
  dir: "asc" | "desc";
};

export type KeysetPage<R> = {
  rows: R[];
  /** Cursors for the neighbouring pages; null where there is none. */
  next: string | null;
  prev: string | null;
};

type KeysetQuery = {
  select: Prisma.Sql;
  /** `FROM …` body (table with alias and joins). */
  from: Prisma.Sql;
  where: Prisma.Sql[];
  sort: KeysetSort;
  cursor: string | null;
  perPage: number;
};

export function whereSql(where: Prisma.Sql[]): Prisma.Sql {
  return where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

const VALID_KEY: Record<KeysetSort["type"] | KeysetSort["idType"], (v: string) => boolean> = {
  timestamptz: (v) => v.length < 40 && !Number.isNaN(Date.parse(v.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"))),
  numeric: (v) => /^-?\d{1,20}(\.\d{1,10})?$/.test(v),
  text: () => true,
  bigint: (v) => /^\d{1,19}$/.test(v),
};

/** A cursor whose values do not parse as the sort's types (hand-edited, or from another sort) means the first page. */
function usableCursor(sort: KeysetSort, cursor: Cursor | null): Cursor | null {
  return cursor && VALID_KEY[sort.type](cursor.key) && VALID_KEY[sort.idType](cursor.id) ? cursor : null;
}

/** The condition "after this key" (or before, going back). */
function cursorCondition(sort: KeysetSort, cursor: Cursor) {
  const forward = (sort.dir === "desc") === (cursor.dir === "next");
  const op = Prisma.raw(forward ? "<" : ">");
  const key = Prisma.sql`CAST(${cursor.key} AS ${Prisma.raw(sort.type)})`;
  const id = Prisma.sql`CAST(${cursor.id} AS ${Prisma.raw(sort.idType)})`;
  return Prisma.sql`(${sort.key}, ${sort.id}) ${op} (${key}, ${id})`;
}

export async function keysetPage<R extends object>(db: DbOrTx, q: KeysetQuery): Promise<KeysetPage<R>> {
  const cursor = usableCursor(q.sort, decodeCursor(q.cursor));
  const where = cursor ? [...q.where, cursorCondition(q.sort, cursor)] : q.where;
  // Going back reads the previous rows in reverse order, then flips them.
  const backwards = cursor?.dir === "prev";
  const dir = Prisma.raw((q.sort.dir === "desc") !== backwards ? "DESC" : "ASC");
  const rows = await db.$queryRaw<(R & { _k: string; _id: string })[]>`
    SELECT ${q.select}, CAST(${q.sort.key} AS text) AS "_k", CAST(${q.sort.id} AS text) AS "_id"
    FROM ${q.from} ${whereSql(where)}
    ORDER BY ${q.sort.key} ${dir}, ${q.sort.id} ${dir}
    LIMIT ${q.perPage + 1}`;
  const more = rows.length > q.perPage;
  const page = rows.slice(0, q.perPage);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows: page.map(({ _k, _id, ...row }) => row as unknown as R),
    next: hasNext && last ? encodeCursor("next", last._k, last._id) : null,
    prev: hasPrev && first ? encodeCursor("prev", first._k, first._id) : null,
  };
}

/**
 * How many rows match, counted up to COUNT_CAP + 1: an index range of at most a thousand
 * entries, whatever the table's size. The page shows "1,000+" beyond the cap.
 */
export async function cappedCount(db: DbOrTx, from: Prisma.Sql, where: Prisma.Sql[]): Promise<CappedCount> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} ${whereSql(where)} LIMIT ${COUNT_CAP + 1}) s`;
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { value: COUNT_CAP, capped: true } : { value: n, capped: false };
}

/**
 * Every row of a filtered set in key order, 1,000 at a time, for exports: each batch starts
 * where the last one ended (no OFFSET), so the 100th batch costs what the first does.
 */
export async function* keysetWalk<R extends object>(db: DbOrTx, q: Omit<KeysetQuery, "cursor" | "perPage">, batch = 1000): AsyncGenerator<R> {
  let cursor: string | null = null;
  for (;;) {
    const page: KeysetPage<R> = await keysetPage<R>(db, { ...q, cursor, perPage: batch });
    yield* page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}
