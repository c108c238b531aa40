import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { maskPiiInText } from "@/lib/pii/mask";
import type { RiskCaseClient } from "@/lib/vendors/risk-case/client";
import { RISK_CASE_MAX_ROWS } from "@/lib/vendors/risk-case/schemas";
import { toWireTime } from "@/lib/vendors/risk-case/transform";
import { emptyCounts, upsertRiskCases, type UpsertCounts } from "./upsert";

/**
 * The window sync (issue 9 §2): pages through the vendor's cases created in a time window,
 * 20 a page, upserting each page together with the run's progress in one transaction.
 *
 * - Incremental: a scheduled or manual run starts at the end of the last successful
 *   incremental window minus an overlap (a case created at the boundary, or sent late, is not
 *   missed; upserts make the overlap harmless), and ends now. The first run looks back
 *   `initialDays`.
 * - Resume: a run that failed (vendor down mid-way) keeps its window and `nextPage`; the next
 *   run of the same window continues from there instead of starting over.
 * - One running sync per kind across all replicas (a partial unique index); a run whose
 *   heartbeat stopped (a killed worker) is marked failed and resumed.
 * - `--from/--to` (the CLI, operators' backfills) runs an explicit window; it does not move the
 *   incremental cursor.
 */
export const SYNC_POLICY = {
  overlapMinutes: 30,
  initialDays: 90,
  /** A RUNNING run without a heartbeat for this long belongs to a dead worker. */
  staleRunMinutes: 5,
  /** The slower re-fetch of open cases by caseNo. */
  refreshBatch: 200,
  refreshAfterHours: 6,
} as const;

const PAGE_ROWS = RISK_CASE_MAX_ROWS;
/** Runs that move the incremental cursor; an explicit window is stored as trigger `backfill`. */
const INCREMENTAL = ["schedule", "manual", "cli"];

export type SyncTrigger = "schedule" | "manual" | "cli";
export type SyncRunSummary = {
  runId: string;
  status: "SUCCEEDED" | "FAILED";
  windowStart: Date | null;
  windowEnd: Date | null;
  pagesDone: number;
  pagesTotal: number | null;
  nextPage: number;
  rowsSeen: number;
  counts: UpsertCounts;
  error?: string;
  resumedFrom?: string;
};

export type WindowSyncOptions = {
  trigger: SyncTrigger;
  userId?: string;
  /** An explicit window (CLI backfill); otherwise incremental. */
  from?: Date;
  to?: Date;
  now?: Date;
};

async function failStaleRuns(db: Db, kind: "WINDOW" | "REFRESH", now: Date) {
  await db.riskCaseSyncRun.updateMany({
    where: { kind, status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - SYNC_POLICY.staleRunMinutes * 60_000) } },
    data: { status: "FAILED", lastError: "the worker running this sync stopped", finishedAt: now },
  });
}

/** The failed run a new run of this window should continue, if any. */
async function resumable(db: Db, opts: WindowSyncOptions) {
  const explicit = opts.from !== undefined;
  const last = await db.riskCaseSyncRun.findFirst({
    where: explicit ? { kind: "WINDOW", windowStart: opts.from, windowEnd: opts.to } : { kind: "WINDOW", trigger: { in: INCREMENTAL } },
    orderBy: { startedAt: "desc" },
  });
  if (!last || last.status !== "FAILED") return null;
  const continued = await db.riskCaseSyncRun.findFirst({ where: { resumedFrom: last.id }, select: { id: true } });
  return continued ? null : last;
}

async function incrementalWindow(db: Db, now: Date): Promise<{ start: Date; end: Date }> {
  const last = await db.riskCaseSyncRun.findFirst({
    where: { kind: "WINDOW", status: "SUCCEEDED", trigger: { in: INCREMENTAL } },
    orderBy: { windowEnd: "desc" },
    select: { windowEnd: true },
  });
  const overlap = SYNC_POLICY.overlapMinutes * 60_000;
  // A cursor ahead of this clock (another replica's clock, a changed TZ) must not make the window run backwards.
  const start = last?.windowEnd ? new Date(Math.min(last.windowEnd.getTime(), now.getTime()) - overlap) : new Date(now.getTime() - SYNC_POLICY.initialDays * 86_400_000);
  return { start, end: now };
}

async function openRun(db: Db, data: Prisma.RiskCaseSyncRunUncheckedCreateInput) {
  try {
    return await db.riskCaseSyncRun.create({ data });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "a risk-case sync is already running", { i18n: { key: "riskCaseSyncRunning" } });
    }
    throw err;
  }
}

function errorText(err: unknown): string {
  return maskPiiInText(err instanceof Error ? err.message : String(err)).slice(0, 500);
}

export async function runWindowSync(db: Db, client: RiskCaseClient, opts: WindowSyncOptions): Promise<SyncRunSummary> {
  const now = opts.now ?? new Date();
  // Tests pin the clock; a real run reads it page by page.
  const clock = () => opts.now ?? new Date();
  if ((opts.from === undefined) !== (opts.to === undefined)) throw new AppError("VALIDATION", "give both --from and --to, or neither");
  if (opts.from && opts.to && opts.from.getTime() > opts.to.getTime()) {
    throw new AppError("VALIDATION", "the window starts after it ends", { i18n: { key: "riskCaseWindowReversed" } });
  }
  await failStaleRuns(db, "WINDOW", now);
  const previous = await resumable(db, opts);
  const window = previous?.windowStart && previous.windowEnd ? { start: previous.windowStart, end: previous.windowEnd } : opts.from && opts.to ? { start: opts.from, end: opts.to } : await incrementalWindow(db, now);

  const run = await openRun(db, {
    kind: "WINDOW",
    trigger: opts.from ? "backfill" : opts.trigger,
    startedById: opts.userId,
    windowStart: window.start,
    windowEnd: window.end,
    nextPage: previous?.nextPage ?? 1,
    pagesDone: previous?.pagesDone ?? 0,
    pagesTotal: previous?.pagesTotal,
    resumedFrom: previous?.id,
    startedAt: now,
    heartbeatAt: now,
  });

  const counts = emptyCounts();
  let { nextPage: page, pagesDone, pagesTotal } = run;
  let rowsSeen = 0;
  const base = { createTimeStart: toWireTime(window.start), createTimeEnd: toWireTime(window.end) };
  try {
    for (;;) {
      const answer = await client.queryCases({ ...base, page, rows: PAGE_ROWS });
      pagesTotal = Math.ceil(answer.total / PAGE_ROWS);
      if (answer.rows.length === 0 || page > pagesTotal) break;
      const pageCounts = await db.$transaction(async (tx) => {
        const c = await upsertRiskCases(tx, answer.rows, { syncRunId: run.id, now: clock() });
        await tx.riskCaseSyncRun.update({
          where: { id: run.id },
          data: {
            nextPage: page + 1,
            pagesDone: { increment: 1 },
            pagesTotal,
            rowsSeen: { increment: answer.rows.length },
            created: { increment: c.created },
            changed: { increment: c.changed },
            flagged: { increment: c.flagged },
            rejected: { increment: c.rejected },
            heartbeatAt: new Date(),
          },
        });
        return c;
      });
      for (const k of Object.keys(counts) as Array<keyof UpsertCounts>) counts[k] += pageCounts[k];
      rowsSeen += answer.rows.length;
      pagesDone += 1;
      page += 1;
      if (page > pagesTotal) break;
    }
  } catch (err) {
    const error = errorText(err);
    await db.riskCaseSyncRun.update({ where: { id: run.id }, data: { status: "FAILED", lastError: error, finishedAt: new Date(), pagesTotal } });
    logger.warn({ runId: run.id, page, pagesTotal, err }, "risk-case sync stopped; the next run resumes from this page");
    return { runId: run.id, status: "FAILED", windowStart: window.start, windowEnd: window.end, pagesDone, pagesTotal, nextPage: page, rowsSeen, counts, error, resumedFrom: previous?.id };
  }
  await db.riskCaseSyncRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date(), pagesTotal, nextPage: page } });
  logger.info({ runId: run.id, pagesDone, pagesTotal, rowsSeen, ...counts }, "risk-case sync finished");
  return { runId: run.id, status: "SUCCEEDED", windowStart: window.start, windowEnd: window.end, pagesDone, pagesTotal, nextPage: page, rowsSeen, counts, resumedFrom: previous?.id };
}

/**
 * The slower re-fetch (issue 9 §2): a window on createTime never sees later edits to older
 * cases, so open cases not fetched for `refreshAfterHours` are asked for by caseNo, oldest
 * fetch first. A failure stops the batch; the cases not reached keep their old fetch time and
 * come first next time.
 */
export async function runRefreshSync(db: Db, client: RiskCaseClient, opts: { now?: Date; batch?: number } = {}): Promise<SyncRunSummary> {
  const now = opts.now ?? new Date();
  const clock = () => opts.now ?? new Date();
  await failStaleRuns(db, "REFRESH", now);
  const due = await db.riskCase.findMany({
    where: { status: { not: "CLOSED" }, lastFetchedAt: { lt: new Date(now.getTime() - SYNC_POLICY.refreshAfterHours * 3600_000) } },
    orderBy: { lastFetchedAt: "asc" },
    take: opts.batch ?? SYNC_POLICY.refreshBatch,
    select: { id: true, caseNo: true },
  });
  const run = await openRun(db, { kind: "REFRESH", trigger: "schedule", pagesTotal: due.length, startedAt: now, heartbeatAt: now });
  const counts = emptyCounts();
  let done = 0;
  try {
    for (const c of due) {
      const answer = await client.queryCases({ caseNo: c.caseNo, page: 1, rows: 1 });
      const c2 = await db.$transaction(async (tx) => {
        const got = answer.rows.length > 0 ? await upsertRiskCases(tx, answer.rows, { syncRunId: run.id, now: clock() }) : emptyCounts();
        // Not known to the vendor any more: remember we asked, so it waits its turn again.
        if (answer.rows.length === 0) await tx.riskCase.update({ where: { id: c.id }, data: { lastFetchedAt: clock() } });
        await tx.riskCaseSyncRun.update({ where: { id: run.id }, data: { pagesDone: { increment: 1 }, rowsSeen: { increment: answer.rows.length }, changed: { increment: got.changed }, flagged: { increment: got.flagged }, heartbeatAt: new Date() } });
        return got;
      });
      for (const k of Object.keys(counts) as Array<keyof UpsertCounts>) counts[k] += c2[k];
      done++;
    }
  } catch (err) {
    const error = errorText(err);
    await db.riskCaseSyncRun.update({ where: { id: run.id }, data: { status: "FAILED", lastError: error, finishedAt: new Date() } });
    return { runId: run.id, status: "FAILED", windowStart: null, windowEnd: null, pagesDone: done, pagesTotal: due.length, nextPage: done + 1, rowsSeen: done, counts, error };
  }
  await db.riskCaseSyncRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
  return { runId: run.id, status: "SUCCEEDED", windowStart: null, windowEnd: null, pagesDone: done, pagesTotal: due.length, nextPage: done + 1, rowsSeen: done, counts };
}
