import "server-only";
import type { Db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { pendingReportIds, recogniseReport } from "./recognise";

/** The `deepfinch.recognise` job: a "retry" outcome is thrown so pg-boss retries with backoff. */
export async function runRecognitionJob(db: Db, reportId: string): Promise<void> {
  const result = await recogniseReport(db, reportId);
  if (result === "retry") throw new Error(`credit report ${reportId}: retryable vendor failure, retrying`);
}

/** Enqueues recognition right after an upload; a lost enqueue is picked up by the sweep. */
export async function enqueueRecognition(reportId: string): Promise<void> {
  await enqueue("deepfinch.recognise", { reportId }, { singletonKey: reportId }).catch((err: unknown) =>
    logger.error({ err, reportId }, "could not enqueue credit report recognition; the sweep will pick it up"),
  );
}

/** The `deepfinch.sweep` job (every minute): reports still UPLOADED after a minute. */
export async function runCreditReportSweep(db: Db): Promise<void> {
  for (const id of await pendingReportIds(db)) await enqueueRecognition(id);
}
