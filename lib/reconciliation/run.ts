import type pg from "pg";
import type { CheckFileType } from "./checkfile/columns";
import { CheckFileError } from "./checkfile/errors";
import { readCheckFile } from "./files";
import { beijingDay, matchInto, type RunSummaryRow } from "./match";
import { copyTheirs, createStageTable, type StagedFile, type StageProgress, stageTableName } from "./stage";

/**
 * One reconciliation run of one day over stored check files (files.ts).
 *
 * One run per day at a time, enforced by PostgreSQL, not memory: the runner holds a session
 * advisory lock for the day on its connection while it works (a crashed runner's lock goes with
 * its connection), and the unique index on RUNNING rows refuses a second RUNNING row. A second
 * start for the same day waits for the lock and then reuses the first's result.
 *
 * Everything the run writes — staged rows, lines, exceptions, the summary — is one SQL
 * transaction: a file refused at line N leaves nothing but the run marked FAILED with the line
 * and the reason. A dry run does the same work and rolls all of it back.
 */
export type RunInput = {
  fileDate: string;
  platformNo: string;
  /** Stored file id per type; a run reads the types it is given. */
  files: Partial<Record<CheckFileType, string>>;
  toleranceFen?: number;
  dryRun?: boolean;
  startedBy?: string | null;
  onProgress?: (event: RunProgress) => void;
};

export type RunProgress = { phase: "stage"; fileType: CheckFileType; lines: number } | { phase: "analyze" | "match"; ms: number };

export type RunResult =
  | { outcome: "matched"; runId: string; dryRun: boolean; lines: number; summary: RunSummaryRow[]; stagedLines: Record<string, number> }
  | { outcome: "failed"; runId: string | null; error: CheckFileError }
  | { outcome: "reused"; runId: string; status: string };

/** Advisory lock keys: a constant class for reconciliation, the day as yyyyMMdd. */
const LOCK_CLASS = 0x5245434e; // "RECN"

export async function runReconciliation(pool: pg.Pool, input: RunInput): Promise<RunResult> {
  const tolerance = input.toleranceFen ?? 0;
  if (!Number.isSafeInteger(tolerance) || tolerance < 0) throw new Error("toleranceFen must be a whole number of fen ≥ 0");
  if (!/^\d{8}$/.test(input.fileDate)) throw new Error("fileDate must be yyyyMMdd");
  const day = beijingDay(input.fileDate);
  const client = await pool.connect();
  const lockArgs = [LOCK_CLASS, Number(input.fileDate)];
  let locked = false;
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", lockArgs);
    if (!got.rows[0]!.ok) {
      // Another runner has this day: wait until it is done, then answer with its run.
      await client.query("SELECT pg_advisory_lock($1, $2)", lockArgs);
      await client.query("SELECT pg_advisory_unlock($1, $2)", lockArgs);
      const last = await client.query<{ id: string; status: string }>(
        "SELECT id::text, status FROM recon_runs WHERE file_date = to_date($1, 'YYYYMMDD') ORDER BY id DESC LIMIT 1",
        [input.fileDate],
      );
      if (last.rows[0]) return { outcome: "reused", runId: last.rows[0].id, status: last.rows[0].status };
      // The other was a dry run (it left nothing): run now.
      return runReconciliation(pool, input);
    }
    locked = true;
    // A RUNNING row with nobody holding the lock is a runner that died: it ran nothing to the end.
    await client.query(
      `UPDATE recon_runs SET status = 'FAILED', finished_at = now(), error_problem = 'interrupted', error_detail = 'the runner stopped before the end'
       WHERE file_date = to_date($1, 'YYYYMMDD') AND status = 'RUNNING'`,
      [input.fileDate],
    );
    let runId: string | null = null;
    if (!input.dryRun) runId = await insertRun(client, input, tolerance);

    await client.query("BEGIN");
    try {
      if (input.dryRun) runId = await insertRun(client, input, tolerance);
      // The match's one big hash table (a million staged lines, ≈ 90 MB) fits in work_mem ×
      // hash_mem_multiplier (2) without splitting into batches written to disk; ≈ 400 MB for
      // the whole bench run (the goal is 512 MB).
      await client.query("SET LOCAL work_mem = '64MB'");
      // Hash joins: a merge join over a million keys sorts both sides to disk first.
      await client.query("SET LOCAL enable_mergejoin = off");
      // Hash aggregates: the kept lines are grouped from a table made a moment before (no
      // statistics); on a day of many exceptions, sorting them would go to disk first.
      await client.query("SET LOCAL enable_sort = off");
      // Parallel workers for the match (a hash join of a million lines each side): cheaper
      // start-up and tuple transfer than the defaults, so the planner takes them — the full
      // join and its aggregate then run on two cores (the run's own Node process is idle by
      // then). One worker beside the backend: a nightly job on a shared database should not take
      // every core, and on the 2-core bench machine a second worker was no faster and cost
      // memory (each worker's own, and its share of the buffers it touched).
      await client.query("SET LOCAL max_parallel_workers_per_gather = 1");
      await client.query("SET LOCAL parallel_setup_cost = 100");
      await client.query("SET LOCAL parallel_tuple_cost = 0.01");
      const stage = stageTableName(runId!);
      await createStageTable(client, stage);
      const stagedLines: Record<string, number> = {};
      const staged: Partial<Record<CheckFileType, StagedFile>> = {};
      const types = Object.keys(input.files) as CheckFileType[];
      const progress: StageProgress = (fileType, lines) => input.onProgress?.({ phase: "stage", fileType, lines });
      for (const fileType of types) {
        const fileId = input.files[fileType]!;
        const reader = await pool.connect();
        try {
          staged[fileType] = await copyTheirs(
            client,
            stage,
            { fileType, fileDate: input.fileDate, platformNo: input.platformNo, source: readCheckFile(reader, fileId) },
            progress,
          );
        } finally {
          reader.release();
        }
        stagedLines[fileType] = staged[fileType].lines;
        await client.query("INSERT INTO recon_run_files (run_id, file_type, file_id, lines) VALUES ($1, $2, $3, $4)", [runId, fileType, fileId, stagedLines[fileType]]);
      }
      let t = Date.now();
      // A table made this instant has no statistics: without them the planner guesses a
      // handful of rows and picks nested loops over a million.
      // All columns: without the text columns' widths the planner sizes the hash table for
      // twice the rows' width and splits it into batches on disk (tried: ANALYZE (ft, rep)).
      // A sample of 3,000 rows (statistics target 10, not 100) tells the widths and that the
      // keys are distinct as well as 30,000 do, in a tenth of the time.
      await client.query("SET LOCAL default_statistics_target = 10");
      await client.query(`ANALYZE ${stage}`);
      input.onProgress?.({ phase: "analyze", ms: Date.now() - t });
      t = Date.now();
      const summary = await matchInto(client, { runId: runId!, stage, toleranceFen: tolerance, types, day, staged });
      const lines = summary.reduce((n, s) => n + s.count, 0);
      await client.query(`DROP TABLE ${stage}`);
      input.onProgress?.({ phase: "match", ms: Date.now() - t });
      await client.query(`UPDATE recon_runs SET status = 'MATCHED', finished_at = now(), summary = $2 WHERE id = $1`, [
        runId,
        JSON.stringify({ lines: stagedLines, outcomes: summary }),
      ]);
      await client.query(input.dryRun ? "ROLLBACK" : "COMMIT");
      return { outcome: "matched", runId: runId!, dryRun: input.dryRun ?? false, lines, summary, stagedLines };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (!(err instanceof CheckFileError)) {
        if (runId && !input.dryRun) await markFailed(client, runId, { problem: "error", fileType: null, line: null, column: null, detail: "the run stopped on an internal error" });
        throw err;
      }
      if (runId && !input.dryRun) await markFailed(client, runId, { problem: err.problem, fileType: err.fileType, line: err.line, column: err.column, detail: err.message });
      return { outcome: "failed", runId: input.dryRun ? null : runId, error: err };
    }
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1, $2)", lockArgs).catch(() => undefined);
    client.release();
  }
}

async function insertRun(client: pg.PoolClient, input: RunInput, tolerance: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO recon_runs (file_date, status, tolerance_fen, started_by) VALUES (to_date($1, 'YYYYMMDD'), 'RUNNING', $2, $3) RETURNING id::text`,
    [input.fileDate, tolerance, input.startedBy ?? null],
  );
  return rows[0]!.id;
}

async function markFailed(
  client: pg.PoolClient,
  runId: string,
  e: { problem: string; fileType: string | null; line: number | null; column: string | null; detail: string },
): Promise<void> {
  await client.query(
    `UPDATE recon_runs SET status = 'FAILED', finished_at = now(), error_problem = $2, error_file_type = $3, error_line = $4, error_column = $5, error_detail = $6
     WHERE id = $1`,
    [runId, e.problem, e.fileType, e.line, e.column, e.detail],
  );
}
