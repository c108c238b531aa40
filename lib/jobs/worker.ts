import "server-only";
import { deleteExpiredAuthRows } from "@/lib/auth/housekeeping";
import { runCreditReportSweep, runRecognitionJob } from "@/lib/credit-reports/jobs";
import { lanmaoPort } from "@/lib/custody/lanmao-port";
import { runCustodySync } from "@/lib/custody/sync-job";
import { getDb } from "@/lib/db";
import { runReconciliationTick } from "@/lib/reconciliation/job";
import { env } from "@/lib/env";
import { sweepOrphanFiles } from "@/lib/files/sweep";
import { deleteOldRefusalCounts } from "@/lib/inbox/housekeeping";
import { processInboundEvent } from "@/lib/inbox/process";
import { logger } from "@/lib/logger";
import { runPretrialSync } from "@/lib/pretrial/sync-job";
import { runRiskScoreRetries } from "@/lib/risk-scores/score-service";
import { runRiskCaseRefreshJob, runRiskCaseSyncJob, syncRiskCasesIfNeverSynced } from "@/lib/risk-cases/jobs";
import { VENDOR_MANIFESTS } from "@/lib/vendors/manifests";
import type PgBoss from "pg-boss";
import { createBoss, ensureQueues } from "./boss";
import { type JobPayloads, QUEUES, SCHEDULES } from "./queues";

/**
 * The background worker: owns pg-boss maintenance and schedules, and runs every queue's
 * handler. Start as many as needed (`npm run worker`); pg-boss hands each job to one of them.
 */
export async function startWorker(
  connectionString: string,
  // Tests tighten the cron checks and the schedules so a tick happens within seconds.
  opts: { schedules?: typeof SCHEDULES; bossOptions?: Partial<PgBoss.ConstructorOptions> } = {},
) {
  const boss = createBoss(connectionString, "worker", opts.bossOptions);
  boss.on("error", (err) => logger.error({ err }, "pg-boss error"));
  await boss.start();
  await ensureQueues(boss);

  await boss.work<JobPayloads["inbox.process"]>(QUEUES.inboxProcess.name, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const result = await processInboundEvent(getDb(), BigInt(job.data.eventId));
    // A failed processing is thrown so pg-boss retries it with backoff; unmatched is final
    // until an admin re-runs it.
    if (result.status === "failed") throw new Error(result.error);
  });

  await boss.work(QUEUES.pretrialSync.name, { batchSize: 1 }, async () => {
    await runPretrialSync(getDb());
  });
  await boss.work(QUEUES.riskScoreRetry.name, { batchSize: 1 }, async () => {
    await runRiskScoreRetries(getDb());
  });
  await boss.work(QUEUES.housekeeping.name, { batchSize: 1 }, async () => {
    await sweepOrphanFiles(getDb());
    await deleteExpiredAuthRows(getDb());
    await deleteOldRefusalCounts(getDb());
  });
  await boss.work<JobPayloads["risk-case.sync"]>(QUEUES.riskCaseSync.name, { batchSize: 1 }, async ([job]) => {
    await runRiskCaseSyncJob(getDb(), job?.data ?? {});
  });
  await boss.work(QUEUES.riskCaseRefresh.name, { batchSize: 1 }, async () => {
    await runRiskCaseRefreshJob(getDb());
  });
  await boss.work<JobPayloads["deepfinch.recognise"]>(QUEUES.creditReportRecognise.name, { batchSize: 1 }, async ([job]) => {
    if (job) await runRecognitionJob(getDb(), job.data.reportId);
  });
  await boss.work(QUEUES.creditReportSweep.name, { batchSize: 1 }, async () => {
    await runCreditReportSweep(getDb());
  });
  await boss.work(QUEUES.reconDaily.name, { batchSize: 1 }, async () => {
    await runReconciliationTick();
  });
  await boss.work(QUEUES.custodySync.name, { batchSize: 1 }, async () => {
    await runCustodySync(getDb(), lanmaoPort());
  });
  for (const { queue, cron } of opts.schedules ?? SCHEDULES) await boss.schedule(queue, cron, {}, { tz: "UTC" });
  await syncRiskCasesIfNeverSynced(getDb(), (payload) => boss.send(QUEUES.riskCaseSync.name, payload, { singletonKey: "risk-case.first-sync" }));

  // Which vendors this worker's jobs reach live and which through the sandbox.
  const modes = Object.fromEntries(VENDOR_MANIFESTS.map((m) => [m.name, env().modes[m.key]]));
  logger.info({ queues: Object.values(QUEUES).map((q) => q.name), vendors: modes }, "worker started");
  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
