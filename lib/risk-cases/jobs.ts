import "server-only";
import type { Db } from "@/lib/db";
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
