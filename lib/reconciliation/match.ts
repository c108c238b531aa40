import type pg from "pg";
import { type CheckFileType, SERVICES_BY_FILE_TYPE } from "./checkfile/columns";

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

/** The services each file type reports, as two parallel arrays for `unnest`. */
function serviceMap(types: readonly CheckFileType[]): { services: string[]; fileTypes: string[] } {
  const services: string[] = [];
  const fileTypes: string[] = [];
  for (const t of types) {
    if (t === "BALANCE") continue;
    for (const s of SERVICES_BY_FILE_TYPE[t]) {
      services.push(s);
      fileTypes.push(t);
    }
  }
  return { services, fileTypes };
}

/** Parameters of the classification: $2 tolerance, $3/$4 services → file types, $5/$6 the day, $7 BALANCE or not. */
function classifyParams(input: { toleranceFen: number; types: readonly CheckFileType[]; day: DayWindow }): unknown[] {
  const { services, fileTypes } = serviceMap(input.types);
  return [input.toleranceFen, services, fileTypes, input.day.start, input.day.end, input.types.includes("BALANCE")];
}

/**
 * The classification, as CTEs ending in `k`: one row per key of either side with both sides'
 * sums and `kind` (NULL = matched). The staged table's name is checked by stageTableName or
 * is a fixed temporary name.
 */
function classifyCtes(stage: string): string {
  return `WITH t AS MATERIALIZED (
       SELECT file_type, k, count(*)::int AS n, sum(amount) AS amount, sum(fee) AS fee, sum(frozen) AS frozen,
              min(status) AS s1, max(status) AS s2, min(line_no) AS first_line, min(platform_user_no) AS u
       FROM ${stage} GROUP BY 1, 2
     ), multi AS (
       SELECT file_type, k FROM t WHERE n > 1
     ), dups AS MATERIALIZED (
       -- Only keys with several lines can hold a duplicate: a small set, checked line by line.
       SELECT DISTINCT s.file_type, s.k FROM ${stage} s JOIN multi m ON m.file_type = s.file_type AND m.k = s.k
       GROUP BY s.file_type, s.k, s.detail_no HAVING count(*) > 1
     ), o AS (
       -- requestNo is unique in the request log: one row per key, nothing to aggregate.
       SELECT m.file_type, r.request_no AS k, 1 AS n, COALESCE(r.amount, 0)::numeric AS amount,
              COALESCE((r.operation->>'fee')::bigint, (r.operation->>'commission')::bigint, 0)::numeric AS fee, 0::numeric AS frozen,
              CASE r.status WHEN 'SUCCEEDED' THEN 'SUCCESS' WHEN 'FAILED' THEN 'FAIL' ELSE 'PROCESSING' END AS s1,
              CASE r.status WHEN 'SUCCEEDED' THEN 'SUCCESS' WHEN 'FAILED' THEN 'FAIL' ELSE 'PROCESSING' END AS s2,
              r.platform_user_no AS u
       FROM custody_requests r
       JOIN unnest($3::text[], $4::text[]) AS m(service_name, file_type) ON m.service_name = r.service_name
       WHERE (r.confirmed_at >= $5 AND r.confirmed_at < $6) OR (r.confirmed_at IS NULL AND r.created_at >= $5 AND r.created_at < $6)
       UNION ALL
       SELECT 'BALANCE', a.owner, 1, COALESCE(SUM(p.amount) FILTER (WHERE a.bucket = 'AVAILABLE'), 0), 0,
              COALESCE(SUM(p.amount) FILTER (WHERE a.bucket = 'FROZEN'), 0), 'SUCCESS', 'SUCCESS', a.owner
       FROM ledger_postings p
       JOIN ledger_transactions lt ON lt.id = p.transaction_id
       JOIN ledger_accounts a ON a.id = p.account_id
       WHERE $7 AND a.owner IS NOT NULL AND lt.confirmed_at < $6
       GROUP BY a.owner
     ), j AS (
       SELECT COALESCE(t.file_type, o.file_type) AS file_type, COALESCE(t.k, o.k) AS k,
              COALESCE(t.n, 0) AS tn, COALESCE(o.n, 0) AS onum, t.first_line, COALESCE(t.u, o.u) AS u,
              t.amount AS ta, o.amount AS oa, t.fee AS tf, o.fee AS ofee, t.frozen AS tz, o.frozen AS oz,
              CASE WHEN t.s1 IS NULL OR t.s1 = t.s2 THEN t.s1 ELSE 'MIXED' END AS ts,
              CASE WHEN o.s1 IS NULL OR o.s1 = o.s2 THEN o.s1 ELSE 'MIXED' END AS os,
              t.k IS NOT NULL AS has_t, o.k IS NOT NULL AS has_o, d.k IS NOT NULL AS dup
       FROM t FULL JOIN o ON o.file_type = t.file_type AND o.k = t.k
       LEFT JOIN dups d ON d.file_type = t.file_type AND d.k = t.k
     ), k AS (
       SELECT j.*, CASE
         WHEN j.dup THEN 'DUPLICATE'
         WHEN j.file_type = 'BALANCE' AND NOT j.has_o THEN CASE WHEN j.tf = 0 AND j.tz = 0 THEN NULL ELSE 'MISSING_OURS' END
         WHEN j.file_type = 'BALANCE' AND NOT j.has_t THEN CASE WHEN j.oa = 0 AND j.oz = 0 THEN NULL ELSE 'MISSING_THEIRS' END
         WHEN j.file_type = 'BALANCE' THEN CASE WHEN abs(j.tf - j.oa) > $2 OR abs(j.tz - j.oz) > $2 THEN 'AMOUNT_MISMATCH' END
         WHEN NOT j.has_o THEN 'MISSING_OURS'
         WHEN NOT j.has_t THEN 'MISSING_THEIRS'
         WHEN (CASE WHEN j.ts = 'INIT' THEN 'PROCESSING' ELSE j.ts END) <> j.os THEN 'STATUS_MISMATCH'
         WHEN abs(j.ta - j.oa) > $2 THEN 'AMOUNT_MISMATCH'
         WHEN abs(j.tf - j.ofee) > $2 THEN 'FEE_MISMATCH'
       END AS kind
       FROM j
     )`;
}

/** The columns recon_lines keeps, in terms of `k` (amount = available for BALANCE). */
const LINE_VALUES = `file_type, k, kind, tn, onum, first_line, u,
            CASE WHEN file_type = 'BALANCE' THEN tf ELSE ta END AS their_amount, oa AS our_amount,
            CASE WHEN file_type = 'BALANCE' THEN NULL ELSE tf END AS their_fee, CASE WHEN file_type = 'BALANCE' THEN NULL ELSE ofee END AS our_fee,
            tz AS their_frozen, oz AS our_frozen, ts AS their_status, os AS our_status`;

/**
 * Matches the staged custody lines (`stage`, a run-scoped table: file_type, k, detail_no, line_no,
 * platform_user_no, amount, fee, frozen, status) with our side read in place. Only the
 * exceptions are written to recon_lines of `runId`: a matched key says nothing finance must
 * act on, and a million of them were most of a run's time. The same statement returns the
 * counts and amounts per type and outcome (matched included), stored as the run's summary;
 * the matched lines themselves are derived again from the kept files when exported
 * (rederive.ts).
 */
export async function matchInto(
  client: pg.PoolClient | pg.Client,
  input: { runId: string; stage: string; toleranceFen: number; types: readonly CheckFileType[]; day: DayWindow },
): Promise<RunSummaryRow[]> {
  const { rows } = await client.query<{ file_type: string; outcome: string; count: number; their_amount: string; our_amount: string }>(
    `${classifyCtes(input.stage)}, ins AS (
       INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, first_line, platform_user_no,
                                their_amount, our_amount, their_fee, our_fee, their_frozen, our_frozen, their_status, our_status, state)
       SELECT $1, ${LINE_VALUES}, 'OPEN' FROM k WHERE kind IS NOT NULL
     )
     SELECT file_type, COALESCE(kind, 'MATCHED') AS outcome, count(*)::int AS count,
            COALESCE(sum(CASE WHEN file_type = 'BALANCE' THEN tf ELSE ta END), 0)::text AS their_amount, COALESCE(sum(oa), 0)::text AS our_amount
     FROM k GROUP BY 1, 2 ORDER BY 1, 2`,
    [input.runId, ...classifyParams(input)],
  );
  return rows.map((r) => ({ fileType: r.file_type, outcome: r.outcome, count: r.count, theirAmount: r.their_amount, ourAmount: r.our_amount }));
}

/**
 * The matched lines of run `runId` derived again: every key of the staged files (and of our
 * side) that the run did not keep as an exception. Returns the SQL and its parameters, for a
 * cursor (the caller streams it).
 */
export function matchedLinesQuery(input: { runId: string; stage: string; toleranceFen: number; types: readonly CheckFileType[]; day: DayWindow }): { text: string; values: unknown[] } {
  return {
    text: `${classifyCtes(input.stage)}
     SELECT ${LINE_VALUES} FROM k
     WHERE NOT EXISTS (SELECT 1 FROM recon_lines l WHERE l.run_id = $1 AND l.file_type = k.file_type AND l.match_key = k.k)`,
    values: [input.runId, ...classifyParams(input)],
  };
}

export type RunSummaryRow = { fileType: string; outcome: string; count: number; theirAmount: string; ourAmount: string };
