import "server-only";
import type pg from "pg";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { type CappedCount, decodeCursor, encodeCursor } from "@/lib/list/cursor";
import { cappedCountSql, type KeysetPage, keysetPage, type KeysetSort, pageOfFetched } from "@/lib/list/keyset";
import type { SortState } from "@/lib/list/search-params";
import type { ReconLineFilters } from "./list-params";
import { assertReconRole, type LineExportRow } from "./queries";
import { type MatchedLinePos, matchedLinesPage } from "./rederive";

/**
 * The run page's paged list of lines (docs/lists.md). Exceptions are rows of `recon_lines`:
 * keyset over (run_id, [file_type | kind | state], id), each filter on an index of its own
 * (migrations 20261201500000 and 20261202350000), capped count in the same statement.
 * Matched lines (`kind = MATCHED`) are stored only by runs from before the run stopped storing
 * them (kind NULL rows, their own partial index); for later runs they are derived from the
 * run's kept files (rederive.ts) — one derivation per page, its cost that of re-matching the
 * run's files; PostgreSQL keeps only the page shown (a bounded sort in file order: file type,
 * line in the file, key), and the count is the run's summary, exact.
 */
export type ReconLineRow = LineExportRow & { resolution: string | null };

export type ReconLinePage = KeysetPage<ReconLineRow> & { total: CappedCount; derived: boolean };

const SELECT = Prisma.sql`CAST(l.id AS text) AS id, l.file_type AS "fileType", l.match_key AS "matchKey", l.kind, l.their_lines AS "theirLines", l.our_rows AS "ourRows",
  l.first_line AS "firstLine", l.platform_user_no AS "platformUserNo", CAST(l.their_amount AS text) AS "theirAmount", CAST(l.our_amount AS text) AS "ourAmount",
  CAST(l.their_fee AS text) AS "theirFee", CAST(l.our_fee AS text) AS "ourFee", CAST(l.their_frozen AS text) AS "theirFrozen", CAST(l.our_frozen AS text) AS "ourFrozen",
  l.their_status AS "theirStatus", l.our_status AS "ourStatus", l.state, l.resolution, l.note`;
const FROM = Prisma.sql`recon_lines l`;

const sortOf = (sort: SortState<"line">): KeysetSort => ({ key: Prisma.sql`l.id`, type: "numeric", id: Prisma.sql`l.id`, idType: "bigint", dir: sort.dir });

/** The conditions of the exceptions view (kind set and not MATCHED, or absent = every exception). */
export function reconLineConditions(runId: string, f: ReconLineFilters): Prisma.Sql[] {
  const where = [Prisma.sql`l.run_id = CAST(${runId} AS bigint)`];
  if (f.kind === "MATCHED") where.push(Prisma.sql`l.kind IS NULL`);
  else if (f.kind) where.push(Prisma.sql`l.kind = ${f.kind}`);
  else where.push(Prisma.sql`l.kind IS NOT NULL`);
  if (f.type) where.push(Prisma.sql`l.file_type = ${f.type}`);
  if (f.state) where.push(Prisma.sql`l.state = ${f.state}`);
  return where;
}

export async function listRunLines(
  db: DbOrTx,
  user: SessionUser,
  runId: string,
  f: ReconLineFilters,
  page: { cursor: string | null; perPage: number; sort: SortState<"line"> },
  deps: { pool: () => pg.Pool; platformNo: () => string },
): Promise<ReconLinePage> {
  assertReconRole(user);
  const empty: ReconLinePage = { rows: [], next: null, prev: null, total: { value: 0, capped: false }, derived: false };
  if (!/^\d{1,18}$/.test(runId)) return empty;
  if (f.kind === "MATCHED") {
    // Matched lines have no workflow state: a state filter keeps none of them.
    if (f.state) return empty;
    const [probe] = await readRows<{ stored: boolean; matched: number }>(
      db,
      Prisma.sql`SELECT EXISTS (SELECT 1 FROM recon_lines WHERE run_id = CAST(${runId} AS bigint) AND kind IS NULL) AS stored,
        (SELECT CAST(COALESCE(sum(CAST(o->>'count' AS int)), 0) AS int) FROM recon_runs r, jsonb_array_elements(COALESCE(r.summary->'outcomes', '[]'::jsonb)) o
         WHERE r.id = CAST(${runId} AS bigint) AND o->>'outcome' = 'MATCHED' AND (${f.type ?? null}::text IS NULL OR o->>'fileType' = ${f.type ?? null}::text)) AS matched`,
    );
    if (!probe?.stored) {
      if (!probe?.matched) return empty;
      return { ...(await derivedMatchedPage(deps, runId, f, page)), total: { value: probe.matched, capped: false }, derived: true };
    }
  }
  const where = reconLineConditions(runId, f);
  const { rows, next, prev, counts } = await keysetPage<ReconLineRow, "total">(db, {
    select: SELECT,
    from: FROM,
    where,
    sort: sortOf(page.sort),
    cursor: page.cursor,
    perPage: page.perPage,
    counts: { from: FROM, named: { total: where } },
  });
  return { rows, next, prev, total: counts.total, derived: false };
}

/** The capped count of a view, as a scalar subquery (tests, the bench). */
export function reconLineCountSql(runId: string, f: ReconLineFilters) {
  return cappedCountSql(FROM, reconLineConditions(runId, f));
}

type Pos = MatchedLinePos;
const encodePos = (dir: "next" | "prev", p: Pos) => encodeCursor(dir, `${p.t}:${p.line}`, p.key);

function decodePos(cursor: string | null): { dir: "next" | "prev"; pos: Pos } | null {
  const c = decodeCursor(cursor);
  const m = c ? /^(\d{1,2}):(\d{1,10})$/.exec(c.key) : null;
  return c && m ? { dir: c.dir, pos: { t: Number(m[1]), line: Number(m[2]), key: c.id } } : null;
}

/**
 * One page of derived matched lines in file order, after (or before) the cursor: the whole
 * derivation runs in PostgreSQL, which keeps only `perPage + 1` lines (a bounded sort), so a
 * million matched lines cost their derivation, never their memory or their transfer.
 */
async function derivedMatchedPage(
  deps: { pool: () => pg.Pool; platformNo: () => string },
  runId: string,
  f: ReconLineFilters,
  page: { cursor: string | null; perPage: number },
): Promise<KeysetPage<ReconLineRow>> {
  const at = decodePos(page.cursor);
  const backwards = at?.dir === "prev";
  const kept = await matchedLinesPage(deps.pool(), {
    runId,
    platformNo: deps.platformNo,
    fileType: f.type ?? null,
    from: at?.pos ?? null,
    backwards,
    limit: page.perPage + 1,
  });
  const shown = pageOfFetched(kept, page.perPage, { backwards, fromCursor: Boolean(at) }, (dir, row) => encodePos(dir, row.pos));
  return {
    ...shown,
    rows: shown.rows.map(({ line }) => ({ id: `${line.fileType}:${line.matchKey}`, kind: null, state: null, resolution: null, note: null, ...line })),
  };
}
