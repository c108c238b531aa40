/**
 * `npm run db:migrate`: applies prisma/migrations to the PostgreSQL in DATABASE_URL, then the
 * data steps (lib/db/data-steps.ts). DATABASE_URL is read straight from the environment rather
 * than through lib/env.ts: this runs before the console is configured (deploy jobs, CI). The
 * PII keys are asked for only when a data step has rows to encrypt.
 */
import { runDataSteps } from "@/lib/db/data-steps";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { describeDbError } from "./lib/embedded-db";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Set it to the server to migrate (postgresql://user:password@host:5432/database); " +
        "`npm start` migrates its embedded PostgreSQL by itself.",
    );
    return 1;
  }
  try {
    const { applied, alreadyApplied } = await applyMigrations(url, { log: (line) => console.log(line) });
    if (applied.length === 0) console.log(`Database is up to date (${alreadyApplied.length} migrations already applied).`);
    else console.log(`Applied ${applied.length} migration(s); ${alreadyApplied.length} were already applied.`);
    await runDataSteps(url, { log: (line) => console.log(line) });
    return 0;
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : describeDbError(err, url));
    return 1;
  }
}

process.exitCode = await main();
