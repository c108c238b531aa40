import type pg from "pg";
import { CHECK_FILE_TYPES, type CheckFileType, SERVICES_BY_FILE_TYPE } from "./checkfile/columns";
import { fileTypeCode, type StagedFile } from "./stage";

/**
 * Our side of a day and the match itself, in SQL (the data stays in PostgreSQL).
 *
 * Our side: the custody request log (custody_requests) — every request of the services a file
 * type reports whose confirmation time (or, never confirmed, creation time) falls on the Beijing
 * day; BALANCE: the ledger's available and frozen balance per owner from the postings of
 * transactions confirmed before the day's end (the cut-off), not from the cached balance.
 *
 * The match groups both sides by key (requestNo; platformUserNo for BALANCE), so one custody
 * record covering several of ours (n:1) and one of ours reported in several lines (1:n) compare
 * as sums. Per group, the first rule that holds names the exception:
 *   DUPLICATE       their file repeats a line (same key and detailNo)
 *   MISSING_OURS    they have it, we do not
 *   MISSING_THEIRS  we have it, they do not
 *   STATUS_MISMATCH SUCCESS / FAIL / in progress differ (INIT counts as in progress)
 *   AMOUNT_MISMATCH |Σ theirs − Σ ours| > tolerance (BALANCE: available or frozen)
 *   FEE_MISMATCH    |fee or commission difference| > tolerance
 * A BALANCE account at zero on one side and absent on the other is no exception.
 */
export type DayWindow = { start: Date; end: Date };

/** The Beijing day yyyyMMdd as an instant range [start, end). */
export function beijingDay(fileDate: string): DayWindow {
  const iso = `${fileDate.slice(0, 4)}-${fileDate.slice(4, 6)}-${fileDate.slice(6, 8)}T00:00:00+08:00`;
  const start = new Date(iso);
  if (Number.isNaN(start.getTime())) throw new Error(`not a date: ${fileDate}`);
  return { start, end: new Date(start.getTime() + 24 * 3600 * 1000) };
}

/**
 * Our side's services, as SQL: the filter (every service the run's file types report) and each
 * service's file type code. Inlined constants (the names come from SERVICES_BY_FILE_TYPE, checked
 * to be plain identifiers), so PostgreSQL hashes the lists: a hash probe per request, where a
 * join on a table of services cost a third of the scan of the request log.
 */
function serviceSql(types: readonly CheckFileType[]): { filter: string; fileType: string } {
  const list = (services: readonly string[]) => {
    for (const s of services) if (!/^[A-Z_]+$/.test(s)) throw new Error(`not a service name: ${s}`);
    return `'{${services.join(",")}}'::text[]`;
  };
  const all: string[] = [];
  const arms: string[] = [];
  for (const t of types) {
    if (t === "BALANCE" || SERVICES_BY_FILE_TYPE[t].length === 0) continue;
    all.push(...SERVICES_BY_FILE_TYPE[t]);
    arms.push(`WHEN r.service_name = ANY(${list(SERVICES_BY_FILE_TYPE[t])}) THEN ${fileTypeCode(t)}`);
  }
  if (all.length === 0) return { filter: "false", fileType: "NULL::smallint" };
  return { filter: `r.service_name = ANY(${list(all)})`, fileType: `(CASE ${arms.join(" ")} END)::smallint` };
}

/** Where lineCtes finds the day's bounds and whether BALANCE is reconciled: query parameters, as `$n`. */
type DaySlots = { start: string; end: string; balance: string };

const BALANCE = fileTypeCode("BALANCE");

/**
 * The exception rule of one key, given its sums: their lines `ta` (amount), `tf` (fee; BALANCE:
 * available), `tz` (frozen), status `ts`; ours `oa`, `ofee`, `oz`, `os`; `has_t`/`has_o`, `dup`.
 * NULL = matched. Written once, applied to single lines and to the sums of repeated keys alike.
 */
function kindOf(x: string, dup: string, tol: string): string {
  return `CASE
         WHEN ${dup} THEN 'DUPLICATE'
         WHEN ${x}.ft = ${BALANCE} AND NOT ${x}.has_o THEN CASE WHEN ${x}.tf = 0 AND ${x}.tz = 0 THEN NULL ELSE 'MISSING_OURS' END
         WHEN ${x}.ft = ${BALANCE} AND NOT ${x}.has_t THEN CASE WHEN ${x}.oa = 0 AND ${x}.oz = 0 THEN NULL ELSE 'MISSING_THEIRS' END
         WHEN ${x}.ft = ${BALANCE} THEN CASE WHEN abs(${x}.tf - ${x}.oa) > ${tol} OR abs(${x}.tz - ${x}.oz) > ${tol} THEN 'AMOUNT_MISMATCH' END
         WHEN NOT ${x}.has_o THEN 'MISSING_OURS'
         WHEN NOT ${x}.has_t THEN 'MISSING_THEIRS'
         WHEN (CASE WHEN ${x}.ts = 'INIT' THEN 'PROCESSING' ELSE ${x}.ts END) <> ${x}.os THEN 'STATUS_MISMATCH'
         WHEN abs(${x}.ta - ${x}.oa) > ${tol} THEN 'AMOUNT_MISMATCH'
         WHEN abs(${x}.tf - ${x}.ofee) > ${tol} THEN 'FEE_MISMATCH'
       END`;
}

/**
 * Both sides of the day, line by line, as CTEs ending in `l`: the staged lines `t` (each marked
 * `multi` when its key may have several lines), our side `o`, and their full join `l` — one row
 * per line of theirs, with our one row of its key beside it (or alone: MISSING_THEIRS).
 *
 * No aggregate over the million lines: most keys have one line, so every staged line is joined
 * to our side directly and classified on its own. Only the keys of lines marked `rep` (copyTheirs:
 * the key may have been seen before in the file) can have several lines; their lines are
 * classified 'MULTI' and grouped later (groupCtes). Our side has one row per key (requestNo is
 * unique in the request log), so its values are the same on every line of a key. The staged
 * table's name is checked by stageTableName or is a fixed temporary name.
 */
function lineCtes(stage: string, types: readonly CheckFileType[], multiTable: string | null, p: DaySlots): string {
  const services = serviceSql(types);
  return `${multiTable ? "" : `multi AS (${MULTI_KEYS(stage)}), `}t AS (
       SELECT s.ft, s.k, s.detail_no, s.line_no, s.platform_user_no AS u, s.amount, s.fee, s.frozen, s.status, m.k IS NOT NULL AS multi
       FROM ${stage} s LEFT JOIN ${multiTable ?? "multi"} m ON m.ft = s.ft AND m.k = s.k
     ), o AS (
       -- requestNo is unique in the request log: one row per key, nothing to aggregate.
       SELECT ${services.fileType} AS ft, r.request_no AS k, COALESCE(r.amount, 0) AS amount,
              r.check_fee AS fee, 0::bigint AS frozen,
              CASE r.status WHEN 'SUCCEEDED' THEN 'SUCCESS' WHEN 'FAILED' THEN 'FAIL' ELSE 'PROCESSING' END AS os,
              r.platform_user_no AS u
       FROM custody_requests r
       WHERE ${services.filter}
         AND ((r.confirmed_at >= ${p.start} AND r.confirmed_at < ${p.end}) OR (r.confirmed_at IS NULL AND r.created_at >= ${p.start} AND r.created_at < ${p.end}))
       UNION ALL
       SELECT ${BALANCE}::smallint, a.owner, COALESCE(SUM(p.amount) FILTER (WHERE a.bucket = 'AVAILABLE'), 0)::bigint, 0::bigint,
              COALESCE(SUM(p.amount) FILTER (WHERE a.bucket = 'FROZEN'), 0)::bigint, 'SUCCESS', a.owner
       FROM ledger_postings p
       JOIN ledger_transactions lt ON lt.id = p.transaction_id
       JOIN ledger_accounts a ON a.id = p.account_id
       WHERE ${p.balance} AND a.owner IS NOT NULL AND lt.confirmed_at < ${p.end}
       GROUP BY a.owner
     ), l AS (
       SELECT COALESCE(t.ft, o.ft) AS ft, COALESCE(t.k, o.k) AS k, t.detail_no, COALESCE(t.multi, false) AS multi, t.line_no,
              COALESCE(t.u, o.u) AS u, t.amount AS ta, o.amount AS oa, t.fee AS tf, o.fee AS ofee, t.frozen AS tz, o.frozen AS oz,
              t.status AS ts, o.os, t.k IS NOT NULL AS has_t, o.k IS NOT NULL AS has_o
       FROM t FULL JOIN o ON o.ft = t.ft AND o.k = t.k
     )`;
}

/** A line's exception (NULL = matched), in terms of `l`; 'MULTI' for a line of a key that may repeat. */
const lineKind = (tol: string) => `CASE WHEN l.multi THEN 'MULTI' ELSE ${kindOf("l", "false", tol)} END`;

/**
 * A line that matches exactly: one line of a key, ours beside it, every compared value equal
 * (BALANCE: available and frozen). Such a line is matched whatever the tolerance, so its rule
 * needs no working out — and it is nearly every line of a day. NULL (a side missing) is not
 * exact.
 */
const EXACT = `(NOT l.multi AND CASE WHEN l.ft = ${BALANCE} THEN l.tf = l.oa AND l.tz = l.oz ELSE l.ta = l.oa AND l.tf = l.ofee AND l.ts = l.os END)`;

/**
 * The lines' keys, as CTEs ending in `keys`, from `c` (the lines of lineCtes with their `kind`):
 * one row per key — or, with `collapseMatched`, one row per exception key plus one per file type
 * for all its matched keys (`n` keys, amounts summed). A line of a key that does not repeat is
 * its key's only line (its key was never answered "seen"; our side has one row per key), so it
 * is a key as it stands: only the lines of repeated keys ('MULTI') are grouped — by key and
 * detailNo, then summed per key and classified like a single line (DUPLICATE when a detailNo
 * repeats). A day where nearly every line is an exception is then no million-group aggregate.
 */
function groupCtes(collapseMatched: boolean, tol: string): string {
  return `g AS (
       SELECT ft, k, detail_no, count(*)::int AS n, count(*) FILTER (WHERE has_t)::int AS tn, max(has_o::int) AS onum,
              min(line_no) AS first_line, min(u) AS u, sum(ta) AS ta, sum(tf) AS tf, sum(tz) AS tz, min(ts) AS s1, max(ts) AS s2,
              max(oa) AS oa, max(ofee) AS ofee, max(oz) AS oz, max(os) AS os
       FROM c WHERE kind = 'MULTI' GROUP BY ft, k, detail_no
     ), r AS (
       -- The repeated keys: the sums of their lines against our one row (the same on each line).
       SELECT ft, k, sum(tn)::int AS tn, max(onum) AS onum, min(first_line) AS first_line, min(u) AS u,
              sum(ta) AS ta, sum(tf) AS tf, sum(tz) AS tz, CASE WHEN min(s1) = max(s2) THEN min(s1) ELSE 'MIXED' END AS ts,
              max(oa) AS oa, max(ofee) AS ofee, max(oz) AS oz, max(os) AS os,
              true AS has_t, max(onum) = 1 AS has_o, bool_or(n > 1) AS dup
       FROM g GROUP BY ft, k
     ), keys AS (
       SELECT ft, kind, k, 1 AS n, has_t::int AS tn, has_o::int AS onum, line_no AS first_line, u, ta::numeric, tf::numeric, tz::numeric, ts,
              oa::numeric AS oa_sum, oa, ofee, oz, os
       FROM c WHERE ${collapseMatched ? "kind <> 'MULTI'" : "kind IS DISTINCT FROM 'MULTI'"}
       UNION ALL
       SELECT ft, ${kindOf("r", "r.dup", tol)}, k, 1, tn, onum, first_line, u, ta, tf, tz, ts, oa, oa, ofee, oz, os FROM r${
         collapseMatched
           ? `
       UNION ALL
       SELECT ft, NULL, NULL, count(*)::int, count(*) FILTER (WHERE has_t)::int, max(has_o::int), min(line_no), min(u),
              sum(ta), sum(tf), sum(tz), min(ts), sum(oa), max(oa), max(ofee), max(oz), max(os)
       FROM c WHERE kind IS NULL GROUP BY ft`
           : ""
       }
     )`;
}

/** Every line classified and grouped, as CTEs ending in `keys` (one row per key): for deriving matched lines again. */
function classifyCtes(stage: string, types: readonly CheckFileType[]): string {
  // MATERIALIZED: the lines are read twice (the repeated keys' and the others), joined and
  // classified once.
  return `WITH ${lineCtes(stage, types, null, { start: "$3", end: "$4", balance: "$5" })},
     c AS MATERIALIZED (SELECT l.*, ${lineKind("$2")} AS kind FROM l), ${groupCtes(false, "$2")}`;
}

/** The keys that may have several lines: those of the lines the parser marked (a few, usually). */
const MULTI_KEYS = (stage: string) => `SELECT DISTINCT ft, k FROM ${stage} WHERE rep`;

/** The columns recon_lines keeps, in terms of `keys` (amount = available for BALANCE). */
const LINE_VALUES = (fileType: string) => `${fileType} AS file_type, k, kind, tn, onum, first_line, u,
            CASE WHEN ft = ${BALANCE} THEN tf ELSE ta END AS their_amount, oa AS our_amount,
            CASE WHEN ft = ${BALANCE} THEN NULL ELSE tf END AS their_fee, CASE WHEN ft = ${BALANCE} THEN NULL ELSE ofee END AS our_fee,
            tz AS their_frozen, oz AS our_frozen, ts AS their_status, os AS our_status`;

/**
 * Matches the staged custody lines (`stage`, a run-scoped table made by createStageTable) with
 * our side read in place. Only the exceptions are written to recon_lines of `runId`: a matched
 * key says nothing finance must act on, and a million of them were most of a run's time. The
 * counts and amounts per type and outcome (matched included) are returned, stored as the run's
 * summary; the matched lines themselves are derived again from the kept files when exported
 * (rederive.ts).
 *
 * In steps, so that the big one can use parallel workers (PostgreSQL plans no parallel query
 * for a statement that writes, INSERT included, but does for CREATE TABLE AS):
 * 1. the repeated keys into a small table (the stage is joined to it; a subquery there kept the
 *    full join off the workers);
 * 2. the full join of both sides, keeping only the lines that do not match exactly (EXACT) —
 *    the exceptions, the lines of repeated keys, matches within the tolerance: a few thousand
 *    rows out of a million, so nothing big is aggregated or handed from the workers to the
 *    backend;
 * 3. those lines grouped and classified by key (groupCtes), beside one row per file type for
 *    its exact matches, counted as all of the file's lines less those kept in step 2 (an exact
 *    match is one line of theirs against one row of ours with the same amount, so our amount is
 *    theirs);
 * 4. the exceptions into recon_lines and the summary, from that.
 * The tables are run-scoped like the stage, made and dropped inside the run's transaction.
 */
export async function matchInto(
  client: pg.PoolClient | pg.Client,
  input: {
    runId: string;
    stage: string;
    toleranceFen: number;
    types: readonly CheckFileType[];
    day: DayWindow;
    /** What staging learnt of each file (copyTheirs); without it, the match reads it from the staged rows. */
    staged?: Partial<Record<CheckFileType, StagedFile>>;
  },
): Promise<RunSummaryRow[]> {
  const multi = `${input.stage}_multi`;
  const inexact = `${input.stage}_inexact`;
  const keys = `${input.stage}_keys`;
  const staged = input.types.map((t) => ({ ft: fileTypeCode(t), file: input.staged?.[t] }));
  const repeated = staged.every((s) => s.file?.repeatedKeys) ? staged.flatMap((s) => s.file!.repeatedKeys!.map((k) => ({ ft: s.ft, k }))) : null;
  if (repeated) {
    await client.query(`CREATE UNLOGGED TABLE ${multi} WITH (autovacuum_enabled = false) AS SELECT DISTINCT ft, k FROM unnest($1::smallint[], $2::text[]) AS m(ft, k)`, [
      repeated.map((r) => r.ft),
      repeated.map((r) => r.k),
    ]);
  } else await client.query(`CREATE UNLOGGED TABLE ${multi} WITH (autovacuum_enabled = false) AS ${MULTI_KEYS(input.stage)}`);
  await client.query(`ANALYZE ${multi}`);
  // Each file's lines and sums, as staging counted them or from the staged rows.
  const sums = staged.every((s) => s.file?.sums) ? staged : null;
  const lines = sums
    ? "SELECT * FROM unnest($4::smallint[], $5::bigint[], $6::numeric[], $7::numeric[], $8::numeric[]) AS x(ft, n, ta, tf, tz)"
    : `SELECT ft, count(*) AS n, sum(amount) AS ta, sum(fee) AS tf, sum(frozen) AS tz FROM ${input.stage} GROUP BY ft`;
  const linesParams = sums
    ? [sums.map((s) => s.ft), sums.map((s) => s.file!.lines), ...(["amount", "fee", "frozen"] as const).map((f) => sums.map((s) => String(s.file!.sums![f])))]
    : [];
  await client.query(
    `CREATE UNLOGGED TABLE ${inexact} WITH (autovacuum_enabled = false) AS
     WITH ${lineCtes(input.stage, input.types, multi, { start: "$2", end: "$3", balance: "$4" })}
     SELECT l.*, ${lineKind("$1")} AS kind FROM l WHERE ${EXACT} IS NOT TRUE`,
    [input.toleranceFen, input.day.start, input.day.end, input.types.includes("BALANCE")],
  );
  await client.query(
    `CREATE UNLOGGED TABLE ${keys} WITH (autovacuum_enabled = false) AS
     WITH c AS (SELECT * FROM ${inexact}), ${groupCtes(true, "$2")}, lines AS (${lines}), kept AS (
       SELECT ft, count(*) FILTER (WHERE has_t) AS n, COALESCE(sum(ta), 0) AS ta, COALESCE(sum(tf), 0) AS tf, COALESCE(sum(tz), 0) AS tz
       FROM ${inexact} GROUP BY ft
     ), exact AS (
       SELECT a.ft, (a.n - COALESCE(b.n, 0))::int AS n, a.ta - COALESCE(b.ta, 0) AS ta, a.tf - COALESCE(b.tf, 0) AS tf, a.tz - COALESCE(b.tz, 0) AS tz
       FROM lines a LEFT JOIN kept b ON b.ft = a.ft
     )
     SELECT $1::bigint AS run_id, ($3::text[])[ft] AS file_type, * FROM keys
     UNION ALL
     SELECT $1, ($3::text[])[ft], ft, NULL, NULL, n, n, 1, NULL, NULL, ta, tf, tz, NULL,
            CASE WHEN ft = ${BALANCE} THEN tf ELSE ta END, NULL, NULL, NULL, NULL
     FROM exact WHERE n > 0`,
    [input.runId, input.toleranceFen, [...CHECK_FILE_TYPES], ...linesParams],
  );
  await client.query(
    `INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, first_line, platform_user_no,
                             their_amount, our_amount, their_fee, our_fee, their_frozen, our_frozen, their_status, our_status, state)
     SELECT run_id, ${LINE_VALUES("file_type")}, 'OPEN' FROM ${keys} WHERE kind IS NOT NULL`,
  );
  const { rows } = await client.query<{ file_type: string; outcome: string; count: number; their_amount: string; our_amount: string }>(
    `SELECT file_type, COALESCE(kind, 'MATCHED') AS outcome, sum(n)::int AS count,
            COALESCE(sum(CASE WHEN ft = ${BALANCE} THEN tf ELSE ta END), 0)::text AS their_amount, COALESCE(sum(oa_sum), 0)::text AS our_amount
     FROM ${keys} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  await client.query(`DROP TABLE ${keys}, ${inexact}, ${multi}`);
  return rows.map((r) => ({ fileType: r.file_type, outcome: r.outcome, count: r.count, theirAmount: r.their_amount, ourAmount: r.our_amount }));
}

/**
 * The matched lines of run `runId` derived again: every key of the staged files (and of our
 * side) that the run did not keep as an exception. Returns the SQL and its parameters, for a
 * cursor (the caller streams it).
 */
export function matchedLinesQuery(input: { runId: string; stage: string; toleranceFen: number; types: readonly CheckFileType[]; day: DayWindow }): { text: string; values: unknown[] } {
  return {
    text: `${classifyCtes(input.stage, input.types)}
     SELECT ${LINE_VALUES("($6::text[])[ft]")} FROM keys
     WHERE NOT EXISTS (SELECT 1 FROM recon_lines l WHERE l.run_id = $1 AND l.file_type = ($6::text[])[keys.ft] AND l.match_key = keys.k)`,
    values: [input.runId, input.toleranceFen, input.day.start, input.day.end, input.types.includes("BALANCE"), [...CHECK_FILE_TYPES]],
  };
}

export type RunSummaryRow = { fileType: string; outcome: string; count: number; theirAmount: string; ourAmount: string };
