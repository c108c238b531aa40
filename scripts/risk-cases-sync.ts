/**
 * `npm run risk-cases:sync -- --from 2026-11-01 --to 2026-11-30`: the risk-case sync from the
 * command line against DATABASE_URL (migrations applied first), the same code the worker runs
 * (lib/risk-cases/sync.ts). Operators backfill with it; run it again with the same window
 * after a failure and it resumes where it stopped. Prints progress per run, never case data.
 */
import { createDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { runRefreshSync, runWindowSync } from "@/lib/risk-cases/sync";
import { toWireTime } from "@/lib/vendors/risk-case/transform";
import { createRiskCaseClient } from "@/lib/vendors/risk-case/client";
import { USAGE, parseSyncArgs } from "./lib/risk-cases-sync-args";

async function main(): Promise<number> {
  const args = parseSyncArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`${args.problem}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the console's PostgreSQL.");
    return 1;
  }
  await applyMigrations(url, { log: () => undefined });
  const db = createDb(url);
  try {
    const client = createRiskCaseClient();
    const run = args.refresh ? await runRefreshSync(db, client) : await runWindowSync(db, client, { trigger: "cli", from: args.from, to: args.to });
    const window = run.windowStart && run.windowEnd ? `${toWireTime(run.windowStart)} → ${toWireTime(run.windowEnd)} (Beijing)` : "open cases by caseNo";
    console.log(`${run.status}: ${window}${run.resumedFrom ? `, resumed run ${run.resumedFrom}` : ""}`);
    console.log(`pages ${run.pagesDone}/${run.pagesTotal ?? "?"}, records ${run.rowsSeen}: ${run.counts.created} new, ${run.counts.changed} changed, ${run.counts.flagged} flagged, ${run.counts.rejected} rejected`);
    if (run.status === "FAILED") console.error(`stopped before page ${run.nextPage}: ${run.error}\nrun the same command again to resume.`);
    return run.status === "SUCCEEDED" ? 0 : 1;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then((code) => process.exit(code));
