import "server-only";
import { getPool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { reconConfig } from "./config";
import { scheduledReconciliation } from "./day";

/**
 * The worker's `reconciliation.daily` tick (every 10 minutes from 01:00 to 07:50 Beijing; it acts from RECON_START_TIME, 01:30 by default):
 * yesterday's reconciliation once its files exist. Logs counts only, never records.
 */
export async function runReconciliationTick(now = new Date()): Promise<void> {
  const outcome = await scheduledReconciliation(getPool(), lanmaoConfig(), now, { startMinutes: reconConfig().startMinutes });
  if (outcome.outcome === "run") {
    logger.info({ outcome: outcome.result.outcome, runId: outcome.result.runId }, "reconciliation run");
  } else if (outcome.outcome === "not_ready") {
    logger.info({ fileType: outcome.fileType }, "reconciliation: check files not ready yet");
  }
}
