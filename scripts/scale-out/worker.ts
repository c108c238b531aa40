/**
 * A worker replica for the scale-out test: the real worker (lib/jobs/worker.ts) with its
 * schedules every minute and pg-boss checking its cron every second, so a tick happens within
 * seconds instead of minutes. Prints `worker ready` once started.
 */
import { startWorker } from "@/lib/jobs/worker";

const worker = await startWorker(process.env.DATABASE_URL ?? "", {
  schedules: [
    { queue: "pretrial.sync", cron: "* * * * *" },
    { queue: "risk-score.retry", cron: "* * * * *" },
  ],
  bossOptions: { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
});
console.log("worker ready");
process.once("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
