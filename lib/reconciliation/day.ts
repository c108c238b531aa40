import type pg from "pg";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";
import { storeCheckFile } from "./files";
import { runReconciliation, type RunResult } from "./run";
import { CheckFileDownloadError, downloadCheckFile } from "./vendor/download";

/**
 * A day end to end: download the seven check files (kept once per content), then run. Used by
 * the manual run (any date) and the scheduled job, which starts at 01:30 Beijing on T+1 and
 * tries again on its next tick while the files are not there yet (design.md §3).
 */
export type DayOutcome =
  | { outcome: "not_ready"; fileType: CheckFileType; detail: string }
  | { outcome: "run"; result: RunResult; files: Record<string, { fileId: string; reused: boolean }> };

export async function reconcileDay(
  pool: pg.Pool,
  endpoint: LanmaoEndpoint,
  input: { fileDate: string; toleranceFen?: number; dryRun?: boolean; startedBy?: string | null },
  deps: { fetch?: typeof fetch } = {},
): Promise<DayOutcome> {
  const files: Record<string, { fileId: string; reused: boolean }> = {};
  const client = await pool.connect();
  try {
    for (const fileType of CHECK_FILE_TYPES) {
      try {
        const d = await downloadCheckFile(endpoint, { fileDate: input.fileDate, fileType }, deps);
        const stored = await storeCheckFile(client, { fileDate: input.fileDate, fileType, source: d.body });
        files[fileType] = { fileId: stored.fileId, reused: stored.reused };
      } catch (err) {
        if (err instanceof CheckFileDownloadError && err.reason === "not_ready") return { outcome: "not_ready", fileType, detail: err.message };
        throw err;
      }
    }
  } finally {
    client.release();
  }
  const result = await runReconciliation(pool, {
    fileDate: input.fileDate,
    platformNo: endpoint.platformNo,
    files: Object.fromEntries(Object.entries(files).map(([t, f]) => [t, f.fileId])),
    toleranceFen: input.toleranceFen,
    dryRun: input.dryRun,
    startedBy: input.startedBy,
  });
  return { outcome: "run", result, files };
}

/** 01:30 Beijing by default: the files are there from 01:00 (§4.1); half an hour of margin. RECON_START_TIME changes it (config.ts). */
export const SCHEDULED_START_MINUTES = 90;

/** The Beijing calendar day before `now`, as yyyyMMdd, and the Beijing minutes past midnight. */
export function beijingClock(now: Date): { today: string; yesterday: string; minutes: number } {
  const bj = new Date(now.getTime() + 8 * 3600_000);
  const y = new Date(bj.getTime() - 24 * 3600_000);
  const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");
  return { today: ymd(bj), yesterday: ymd(y), minutes: bj.getUTCHours() * 60 + bj.getUTCMinutes() };
}

export type ScheduledOutcome = { outcome: "too_early" } | { outcome: "done_already"; runId: string } | DayOutcome;

/**
 * One tick of the scheduled job: yesterday's day, once it is the start time (01:30 Beijing by default), unless a run of
 * it already matched or closed (a failed run is tried again: a corrected file may come).
 */
export async function scheduledReconciliation(
  pool: pg.Pool,
  endpoint: LanmaoEndpoint,
  now: Date,
  deps: { fetch?: typeof fetch; toleranceFen?: number; startMinutes?: number } = {},
): Promise<ScheduledOutcome> {
  const clock = beijingClock(now);
  if (clock.minutes < (deps.startMinutes ?? SCHEDULED_START_MINUTES)) return { outcome: "too_early" };
  const done = await pool.query<{ id: string }>(
    "SELECT id::text FROM recon_runs WHERE file_date = to_date($1, 'YYYYMMDD') AND status IN ('MATCHED', 'CLOSED', 'RUNNING') ORDER BY id DESC LIMIT 1",
    [clock.yesterday],
  );
  if (done.rows[0]) return { outcome: "done_already", runId: done.rows[0].id };
  return reconcileDay(pool, endpoint, { fileDate: clock.yesterday, toleranceFen: deps.toleranceFen, startedBy: null }, deps);
}
