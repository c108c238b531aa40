import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getPool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import type { RunSummaryRow } from "./match";
import { iterateMatchedLines, type MatchedLine } from "./rederive";

/** design.md §4: reconciliation is FINANCE's (and ADMIN's). Checked in every query. */
export const RECON_ROLES = ["ADMIN", "FINANCE"] as const;

export function assertReconRole(user: SessionUser): void {
  if (!(RECON_ROLES as readonly string[]).includes(user.role)) throw new AppError("FORBIDDEN", `${user.role} may not read reconciliation`);
}

export type RunRow = {
  id: string;
  fileDate: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  exceptions: number;
  open: number;
  errorProblem: string | null;
  errorFileType: string | null;
  errorLine: number | null;
  errorColumn: string | null;
  closeMode: string | null;
  closeSent: boolean | null;
};

const RUN_COLUMNS = `r.id::text AS id, to_char(r.file_date, 'YYYY-MM-DD') AS "fileDate", r.status, r.started_at AS "startedAt", r.finished_at AS "finishedAt",
  (SELECT count(*)::int FROM recon_lines l WHERE l.run_id = r.id AND l.kind IS NOT NULL) AS exceptions,
  (SELECT count(*)::int FROM recon_lines l WHERE l.run_id = r.id AND l.state = 'OPEN') AS open,
  r.error_problem AS "errorProblem", r.error_file_type AS "errorFileType", r.error_line AS "errorLine", r.error_column AS "errorColumn",
  r.close_mode AS "closeMode", r.close_sent AS "closeSent"`;

/** The latest runs, newest day first (history). Exception counts use the partial indexes. */
export async function listRuns(user: SessionUser, limit = 60): Promise<RunRow[]> {
  assertReconRole(user);
  return (await getPool().query<RunRow>(`SELECT ${RUN_COLUMNS} FROM recon_runs r ORDER BY r.file_date DESC, r.id DESC LIMIT $1`, [limit])).rows;
}

export type ExceptionRow = {
  id: string;
  fileType: string;
  matchKey: string;
  kind: string;
  theirLines: number;
  ourRows: number;
  firstLine: number | null;
  theirAmount: string | null;
  ourAmount: string | null;
  theirFee: string | null;
  ourFee: string | null;
  theirStatus: string | null;
  ourStatus: string | null;
  state: string;
  note: string | null;
  platformUserNo: string | null;
};

export type AdjustmentRow = { id: string; lineId: string; matchKey: string; owner: string; bucket: string; amount: string; memo: string; makerId: string; createdAt: Date };

export type RunDetail = { run: RunRow; summary: RunSummaryRow[]; exceptions: ExceptionRow[]; latestOfDay: boolean; adjustments: AdjustmentRow[] };

/** One run: its summary by type and outcome and its exceptions (open first, at most 500). */
export async function getRun(user: SessionUser, runId: string): Promise<RunDetail | null> {
  assertReconRole(user);
  if (!/^\d{1,18}$/.test(runId)) return null;
  const pool = getPool();
  const run = (await pool.query<RunRow & { summary: { outcomes?: RunSummaryRow[] } | null; latest: string }>(
    `SELECT ${RUN_COLUMNS}, r.summary,
            (SELECT max(id) FROM recon_runs x WHERE x.file_date = r.file_date AND x.status <> 'FAILED')::text AS latest
     FROM recon_runs r WHERE r.id = $1`,
    [runId],
  )).rows[0];
  if (!run) return null;
  const exceptions = (await pool.query<ExceptionRow>(
    `SELECT id::text, file_type AS "fileType", match_key AS "matchKey", kind, their_lines AS "theirLines", our_rows AS "ourRows", first_line AS "firstLine",
            their_amount::text AS "theirAmount", our_amount::text AS "ourAmount", their_fee::text AS "theirFee", our_fee::text AS "ourFee",
            their_status AS "theirStatus", our_status AS "ourStatus", state, note, platform_user_no AS "platformUserNo"
     FROM recon_lines WHERE run_id = $1 AND kind IS NOT NULL
     ORDER BY (state = 'OPEN') DESC, kind, file_type, id LIMIT 500`,
    [runId],
  )).rows;
  const adjustments = (await pool.query<AdjustmentRow>(
    `SELECT a.id::text, a.line_id::text AS "lineId", l.match_key AS "matchKey", a.owner, a.bucket, a.amount::text, a.memo, a.maker_id AS "makerId", a.created_at AS "createdAt"
     FROM recon_adjustments a JOIN recon_lines l ON l.id = a.line_id
     WHERE l.run_id = $1 AND a.status = 'WAITING' ORDER BY a.id`,
    [runId],
  )).rows;
  const { summary, latest, ...rest } = run;
  return { run: rest, summary: summary?.outcomes ?? [], exceptions, latestOfDay: latest === runId, adjustments };
}

/** The day a manual run proposes: yesterday in Beijing, as yyyy-MM-dd for a date input. */
export function defaultRunDate(now = new Date()): string {
  const d = new Date(now.getTime() + 8 * 3600_000 - 24 * 3600_000);
  return d.toISOString().slice(0, 10);
}

/** Yesterday's Beijing date as a DATE literal's text (yyyy-MM-dd). */
function yesterdayOf(now: Date): string {
  return defaultRunDate(now);
}

const LATEST_RUN = (day: string) => Prisma.sql`(SELECT id FROM recon_runs WHERE file_date = ${day}::date ORDER BY id DESC LIMIT 1)`;

/**
 * The workbench card: yesterday's latest run — its status as a code (0 none, 1 running,
 * 2 failed, 3 matched, 4 closed), its exceptions and the open ones. Index ranges only.
 */
export function reconCardSql(now: Date) {
  const day = yesterdayOf(now);
  return {
    status: Prisma.sql`(SELECT CASE status WHEN 'RUNNING' THEN 1 WHEN 'FAILED' THEN 2 WHEN 'MATCHED' THEN 3 WHEN 'CLOSED' THEN 4 END FROM recon_runs WHERE id = ${LATEST_RUN(day)})`,
    exceptions: Prisma.sql`(SELECT CAST(count(*) AS int) FROM recon_lines WHERE run_id = ${LATEST_RUN(day)} AND kind IS NOT NULL)`,
    open: Prisma.sql`(SELECT CAST(count(*) AS int) FROM recon_lines WHERE run_id = ${LATEST_RUN(day)} AND state = 'OPEN')`,
  };
}

/** The FINANCE to-do: open exceptions of the latest run of `day` (yyyy-MM-dd; yesterday). */
export function reconOpenCountSql(day: string) {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : "1970-01-01";
  return Prisma.sql`(SELECT CAST(count(*) AS int) FROM recon_lines WHERE run_id = ${LATEST_RUN(d)} AND state = 'OPEN')`;
}

export const RECON_STATUS_CODES = ["NONE", "RUNNING", "FAILED", "MATCHED", "CLOSED"] as const;

/** A kept line: the matched line's figures, plus what finance did with it. */
export type LineExportRow = MatchedLine & { id: string; kind: string | null; state: string | null; note: string | null };

/**
 * Every line (or only the exceptions) of a run, for the CSV / Excel export: the kept lines by
 * keyset over (run_id, id) in batches, then (every line) the matched lines derived again from
 * the run's kept files (rederive.ts), through a cursor: a million lines stream without being held.
 */
export async function* iterateRunLines(user: SessionUser, runId: string, opts: { exceptionsOnly: boolean; batch?: number }): AsyncGenerator<LineExportRow> {
  assertReconRole(user);
  if (!/^\d{1,18}$/.test(runId)) return;
  const batch = opts.batch ?? 5000;
  let after = "0";
  for (;;) {
    const { rows } = await getPool().query<LineExportRow>(
      `SELECT id::text, file_type AS "fileType", match_key AS "matchKey", kind, their_lines AS "theirLines", our_rows AS "ourRows", first_line AS "firstLine",
              platform_user_no AS "platformUserNo", their_amount::text AS "theirAmount", our_amount::text AS "ourAmount", their_fee::text AS "theirFee",
              our_fee::text AS "ourFee", their_frozen::text AS "theirFrozen", our_frozen::text AS "ourFrozen", their_status AS "theirStatus",
              our_status AS "ourStatus", state, note
       FROM recon_lines WHERE run_id = $1 AND id > $2 ${opts.exceptionsOnly ? "AND kind IS NOT NULL" : ""} ORDER BY id LIMIT $3`,
      [runId, after, batch],
    );
    for (const r of rows) yield r;
    if (rows.length < batch) break;
    after = rows[rows.length - 1]!.id;
  }
  if (opts.exceptionsOnly) return;
  // A run keeps only its exceptions: the matched lines are derived again from its kept files.
  for await (const m of iterateMatchedLines(getPool(), { runId, platformNo: () => lanmaoConfig().platformNo, batch })) {
    yield { id: "", kind: null, state: null, note: null, ...m };
  }
}
