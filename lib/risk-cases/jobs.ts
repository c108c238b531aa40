import "server-only";
import type { Db, DbOrTx } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createRiskCaseClient } from "@/lib/vendors/risk-case/client";
import { runRefreshSync, runWindowSync, type SyncTrigger } from "./sync";

/**
 * Queue handlers (lib/jobs/worker.ts). A run already going elsewhere is not an error here:
 * the schedule simply skips its turn. A vendor failure is recorded on the run (and resumed
 * next time), so the job itself succeeds and pg-boss does not retry it on top.
 */
export async function runRiskCaseSyncJob(db: Db, payload: { trigger?: SyncTrigger; userId?: string }) {
  try {
    await runWindowSync(db, createRiskCaseClient(), { trigger: payload.trigger ?? "schedule", userId: payload.userId });
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return logger.info({ queue: "risk-case.sync" }, "risk-case sync already running; skipped");
    throw err;
  }
}

export async function runRiskCaseRefreshJob(db: Db) {
  try {
    await runRefreshSync(db, createRiskCaseClient());
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return logger.info({ queue: "risk-case.refresh" }, "risk-case refresh already running; skipped");
    throw err;
  }
}

/**
 * Start-up: a console that has never synced cases runs its first window sync now instead of at
 * the next 10-minute tick, so the desk is populated when a newcomer first opens it — in sandbox
 * mode from the twin's synthetic population, through the same sync as ever (no seed to drift
 * from the real thing). Once any window run exists, start-ups leave it to the schedule.
 */
export async function syncRiskCasesIfNeverSynced(db: DbOrTx, send: (payload: { trigger: SyncTrigger }) => Promise<unknown>): Promise<boolean> {
  const ran = await db.riskCaseSyncRun.findFirst({ where: { kind: "WINDOW" }, select: { id: true } });
  if (ran) return false;
  await send({ trigger: "schedule" });
  logger.info({ queue: "risk-case.sync" }, "no risk-case sync yet: first sync queued at start-up");
  return true;
}
