import "server-only";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
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

/** Named capped counts computed in the same statement as the page: `{ total: where, … }`. */
type CountSpec = { from: Prisma.Sql; named: Record<string, Prisma.Sql[]> };

const COUNT_PREFIX = "_c_";
const INTERNAL = new Set(["_k", "_id", "_n"]);

/** `count(*)` up to COUNT_CAP + 1 as a scalar subquery, to compose several counts into one statement. */
export function cappedCountSql(from: Prisma.Sql, where: Prisma.Sql[]) {
  return Prisma.sql`(SELECT CAST(count(*) AS int) FROM (SELECT 1 FROM ${from} ${whereSql(where)} LIMIT ${COUNT_CAP + 1}) s)`;
}

export function toCapped(n: number): CappedCount {
  return n > COUNT_CAP ? { value: COUNT_CAP, capped: true } : { value: n, capped: false };
}

/**
 * One page by keyset, and optionally the list's capped counts, in a single statement (one
 * round trip: the ORM's cost per statement is paid once). The counts sit in a one-row CTE that
 * is LEFT JOINed to the page, so they arrive even when the page is empty.
 */
export async function keysetPage<R extends object, C extends string = never>(
  db: DbOrTx,
  q: KeysetQuery & { counts?: CountSpec & { named: Record<C, Prisma.Sql[]> } },
): Promise<KeysetPage<R> & { counts: Record<C, CappedCount> }> {
  const cursor = usableCursor(q.sort, decodeCursor(q.cursor));
  const where = cursor ? [...q.where, cursorCondition(q.sort, cursor)] : q.where;
  // Going back reads the previous rows in reverse order, then flips them.
  const backwards = cursor?.dir === "prev";
  const dir = Prisma.raw((q.sort.dir === "desc") !== backwards ? "DESC" : "ASC");
  const order = Prisma.sql`${q.sort.key} ${dir}, ${q.sort.id} ${dir}`;
  const names = Object.keys(q.counts?.named ?? {}) as C[];
  const withCounts = Boolean(q.counts && names.length);
  // With counts the page is LEFT JOINed to them, which loses its order: row_number keeps it.
  const rowNumber = withCounts ? Prisma.sql`, row_number() OVER (ORDER BY ${order}) AS "_n"` : Prisma.sql`, 1 AS "_n"`;
  const page = Prisma.sql`SELECT ${q.select}, CAST(${q.sort.key} AS text) AS "_k", CAST(${q.sort.id} AS text) AS "_id"${rowNumber}
    FROM ${q.from} ${whereSql(where)} ORDER BY ${order} LIMIT ${q.perPage + 1}`;
  // `_n` (row_number, a bigint) is read only for null.
  type Raw = R & { _k: string | null; _id: string | null; _n: unknown } & Record<string, unknown>;
  const raw = await readRows<Raw>(
    db,
    withCounts
      ? Prisma.sql`
        WITH c AS (SELECT ${Prisma.join(names.map((n) => Prisma.sql`${cappedCountSql(q.counts!.from, q.counts!.named[n])} AS ${Prisma.raw(`"${COUNT_PREFIX}${n}"`)}`))}),
             p AS (${page})
        SELECT c.*, p.* FROM c LEFT JOIN p ON TRUE ORDER BY p."_n"`
      : page,
  );
  const counts = Object.fromEntries(names.map((n) => [n, toCapped(Number(raw[0]?.[`${COUNT_PREFIX}${n}`] ?? 0))])) as Record<C, CappedCount>;
  const shown = pageOfFetched(
    raw.filter((r) => r._n !== null),
    q.perPage,
    { backwards, fromCursor: Boolean(cursor) },
    (dir, row) => encodeCursor(dir, row._k!, row._id!),
  );
  return {
    ...shown,
    rows: shown.rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) if (!INTERNAL.has(key) && !key.startsWith(COUNT_PREFIX)) out[key] = value;
      return out as R;
    }),
    counts,
  };
}

/**
 * The page out of up to `perPage + 1` rows read in the direction of travel (going back: the
 * nearest first): the rows in display order, and a cursor each way where more rows lie, made by
 * `cursorOf` from the first and the last row shown. For keyset pages and for pages kept some
 * other way (derived reconciliation lines).
 */
export function pageOfFetched<T>(
  fetched: T[],
  perPage: number,
  travel: { backwards: boolean; fromCursor: boolean },
  cursorOf: (dir: "next" | "prev", row: T) => string,
): { rows: T[]; next: string | null; prev: string | null } {
  const more = fetched.length > perPage;
  const rows = fetched.slice(0, perPage);
  if (travel.backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = travel.backwards ? true : more;
  const hasPrev = travel.backwards ? more : travel.fromCursor;
  return {
    rows,
    next: hasNext && last ? cursorOf("next", last) : null,
    prev: hasPrev && first ? cursorOf("prev", first) : null,
  };
}

/**
 * How many rows match, counted up to COUNT_CAP + 1: an index range of at most a thousand
 * entries, whatever the table's size. The page shows "1,000+" beyond the cap.
 */
export async function cappedCount(db: DbOrTx, from: Prisma.Sql, where: Prisma.Sql[]): Promise<CappedCount> {
  const [row] = await readRows<{ n: number }>(db, Prisma.sql`SELECT ${cappedCountSql(from, where)} AS n`);
  return toCapped(row?.n ?? 0);
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
