import type pg from "pg";
import { CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";
import { readCheckFile } from "./files";
import { beijingDay, matchedLinesQuery } from "./match";
import { copyTheirs, createStageTable, REDERIVE_TABLE } from "./stage";

/**
 * A run keeps only its exceptions (recon_lines) and the counts and amounts of every outcome
 * (recon_runs.summary). Its matched lines are derived again when someone exports them: the
 * kept files of the run (recon_run_files; stored once per content, never changed) are parsed
 * into a temporary table and classified by the same SQL as the run, with the run's day and
 * tolerance; every key the run did not keep as an exception is a matched line. Their side is
 * exactly the run's (the same bytes); our side is read as it is at export time.
 */
export type MatchedLine = {
  fileType: string;
  matchKey: string;
  theirLines: number;
  ourRows: number;
  firstLine: number | null;
  platformUserNo: string | null;
  theirAmount: string | null;
  ourAmount: string | null;
  theirFee: string | null;
  ourFee: string | null;
  theirFrozen: string | null;
  ourFrozen: string | null;
  theirStatus: string | null;
  ourStatus: string | null;
};

type Row = {
  file_type: string;
  k: string;
  tn: number;
  onum: number;
  first_line: number | null;
  u: string | null;
  their_amount: string | null;
  our_amount: string | null;
  their_fee: string | null;
  our_fee: string | null;
  their_frozen: string | null;
  our_frozen: string | null;
  their_status: string | null;
  our_status: string | null;
};

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Inside the caller's read-only transaction on `client`: the run's kept files staged into a
 * temporary table, and the query of its matched lines over them (null: nothing to derive — a
 * run that failed, is running, or kept no files).
 */
async function stageForDerivation(
  pool: pg.Pool,
  client: pg.PoolClient,
  input: { runId: string; platformNo: () => string },
): Promise<{ text: string; values: unknown[] } | null> {
  const run = await client.query<{ file_date: string; tolerance_fen: number; status: string }>(
    "SELECT to_char(file_date, 'YYYYMMDD') AS file_date, tolerance_fen::int AS tolerance_fen, status FROM recon_runs WHERE id = $1",
    [input.runId],
  );
  const r = run.rows[0];
  if (!r || r.status === "FAILED" || r.status === "RUNNING") return null;
  const files = await client.query<{ file_type: CheckFileType; file_id: string }>(
    "SELECT file_type, file_id::text FROM recon_run_files WHERE run_id = $1 ORDER BY file_type",
    [input.runId],
  );
  if (files.rows.length === 0) return null;
  // Asked only now: a run without kept files needs no configuration.
  const platformNo = input.platformNo();
  // As the run: room for hash tables of a million keys, for this transaction only.
  await client.query("SET LOCAL work_mem = '64MB'");
  // Hash joins and aggregates: a merge join over a million keys sorts both sides to disk first.
  await client.query("SET LOCAL enable_mergejoin = off");
  await client.query("SET LOCAL enable_sort = off");
  await createStageTable(client, REDERIVE_TABLE, { temporary: true });
  const reader = await pool.connect();
  try {
    for (const f of files.rows) {
      await copyTheirs(client, REDERIVE_TABLE, { fileType: f.file_type, fileDate: r.file_date, platformNo, source: readCheckFile(reader, f.file_id) });
    }
  } finally {
    reader.release();
  }
  await client.query("SET LOCAL default_statistics_target = 10");
  await client.query(`ANALYZE ${REDERIVE_TABLE}`);
  return matchedLinesQuery({
    runId: input.runId,
    stage: REDERIVE_TABLE,
    toleranceFen: r.tolerance_fen,
    types: files.rows.map((f) => f.file_type),
    day: beijingDay(r.file_date),
  });
}

const lineOf = (x: Row): MatchedLine => ({
  fileType: x.file_type,
  matchKey: x.k,
  theirLines: Number(x.tn),
  ourRows: Number(x.onum),
  firstLine: x.first_line,
  platformUserNo: x.u,
  theirAmount: str(x.their_amount),
  ourAmount: str(x.our_amount),
  theirFee: str(x.their_fee),
  ourFee: str(x.our_fee),
  theirFrozen: str(x.their_frozen),
  ourFrozen: str(x.our_frozen),
  theirStatus: x.their_status,
  ourStatus: x.our_status,
});

export async function* iterateMatchedLines(pool: pg.Pool, input: { runId: string; platformNo: () => string; batch?: number }): AsyncGenerator<MatchedLine> {
  if (!/^\d{1,18}$/.test(input.runId)) return;
  const batch = input.batch ?? 5000;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    try {
      const q = await stageForDerivation(pool, client, input);
      if (!q) return;
      await client.query(`DECLARE recon_matched NO SCROLL CURSOR FOR ${q.text}`, q.values);
      for (;;) {
        const { rows } = await client.query<Row>(`FETCH ${batch} FROM recon_matched`);
        for (const x of rows) yield lineOf(x);
        if (rows.length < batch) break;
      }
    } finally {
      // Read only: whatever happened, nothing of it stays (the temporary table goes with it).
      await client.query("ROLLBACK").catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** A matched line's place in file order: file type (its position in CHECK_FILE_TYPES), line in the file (0: ours alone), key. */
export type MatchedLinePos = { t: number; line: number; key: string };

/**
 * Up to `limit` matched lines of the run in file order after `from` (or, `backwards`, before it,
 * nearest first), of one file type or all: PostgreSQL keeps the page (a bounded sort), so only
 * the page reaches Node. Keys compare byte by byte (COLLATE "C"), whatever the database's
 * collation.
 */
export async function matchedLinesPage(
  pool: pg.Pool,
  input: { runId: string; platformNo: () => string; fileType: string | null; from: MatchedLinePos | null; backwards: boolean; limit: number },
): Promise<{ pos: MatchedLinePos; line: MatchedLine }[]> {
  if (!/^\d{1,18}$/.test(input.runId)) return [];
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    try {
      const q = await stageForDerivation(pool, client, input);
      if (!q) return [];
      const n = q.values.length;
      const [ft, t, line, key, limit, names] = [n + 1, n + 2, n + 3, n + 4, n + 5, n + 6].map((i) => `$${i}`);
      const op = input.backwards ? "<" : ">";
      const dir = input.backwards ? "DESC" : "ASC";
      const { rows } = await client.query<Row & { t: number; line: number }>(
        `SELECT * FROM (
           SELECT m.*, array_position(${names}::text[], m.file_type) - 1 AS t, COALESCE(m.first_line, 0) AS line FROM (${q.text}) m
         ) x
         WHERE (${ft}::text IS NULL OR x.file_type = ${ft}::text)
           AND (${t}::int IS NULL OR x.t ${op} ${t}::int OR (x.t = ${t}::int AND (x.line ${op} ${line}::int OR (x.line = ${line}::int AND x.k COLLATE "C" ${op} ${key}::text))))
         ORDER BY x.t ${dir}, x.line ${dir}, x.k COLLATE "C" ${dir}
         LIMIT ${limit}::int`,
        [...q.values, input.fileType, input.from?.t ?? null, input.from?.line ?? null, input.from?.key ?? null, input.limit, [...CHECK_FILE_TYPES]],
      );
      return rows.map((x) => ({ pos: { t: x.t, line: x.line, key: x.k }, line: lineOf(x) }));
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
