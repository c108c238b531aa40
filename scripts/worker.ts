/**
 * `npm run worker`: a background worker against DATABASE_URL, for running more than the one
 * that `npm start` brings up. Run with the server-only hook (see package.json).
 */
import { ConfigError, assertStartupConfig } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: the worker needs the console's PostgreSQL.");
  process.exit(1);
}
try {
  assertStartupConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const worker = await startWorker(url);
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
