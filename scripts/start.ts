/**
 * `npm start`: the whole console on one command (design.md §1).
 *   secrets (sandbox) → PostgreSQL (embedded unless DATABASE_URL) → migrations → seed (first
 *   run) → build when sources changed → sandbox, worker, console → URL and demo sign-ins.
 * Ctrl-C stops everything, PostgreSQL last, so no server is left running.
 * `--dev` runs `next dev` instead of a production build.
 */
import path from "node:path";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { seedIfEmpty } from "@/prisma/seed";
import { runDataSteps } from "@/lib/db/data-steps";
import { applyMigrations } from "@/lib/db/migrate";
import { createDb } from "@/lib/db";
import { ConfigError, assertStartupConfig, env, resetEnvCache } from "@/lib/env";
import { dataDir } from "@/lib/paths";
import { ensureSandboxSecrets } from "@/lib/secrets";
import { buildIsStale } from "./lib/build-stamp";
import { type Child, runToCompletion, startChild, stopChild, waitForHttp } from "./lib/children";
import { describeDbError, startEmbeddedPostgres, waitForDatabase } from "./lib/embedded-db";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const children: Child[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
let stopping = false;

const say = (line: string) => console.log(`[creditops] ${line}`);

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  for (const child of [...children].reverse()) await stopChild(child);
  if (stopDatabase) await stopDatabase();
  say("stopped.");
  process.exit(code);
}

function fail(message: string): never {
  console.error(`\n[creditops] ${message}\n`);
  void shutdown(1);
  throw new Error(message);
}

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const secrets = config.anyLive ? {} : ensureSandboxSecrets();
  // Re-read so the generated secrets are visible to env() consumers in this process.
  Object.assign(process.env, Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])));
  resetEnvCache();
  // Every secret present and well-formed (e.g. PII keys of 32 bytes), named when not.
  try {
    assertStartupConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    try {
      await waitForDatabase(databaseUrl, 10_000);
    } catch (error) {
      fail(`The database at DATABASE_URL is not reachable: ${describeDbError(error)}`);
    }
  } else {
    say("starting embedded PostgreSQL…");
    try {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), "pg"), database: "creditops", persistent: true, quiet: true });
      stopDatabase = pg.stop;
      databaseUrl = pg.url;
    } catch (error) {
      fail(`Embedded PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const migrations = await applyMigrations(databaseUrl, { log: (line) => say(line) });
  if (migrations.applied.length) say(`applied ${migrations.applied.length} migration(s)`);
  // Rows of before a migration that SQL could not finish (clear names and addresses to encrypt).
  try {
    await runDataSteps(databaseUrl, { log: (line) => say(line) });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  if (!config.anyLive) {
    const db = createDb(databaseUrl);
    const { seeded } = await seedIfEmpty(db);
    await db.$disconnect();
    if (seeded) say("seeded synthetic demo data");
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_TRUST_HOST: "true",
    APP_BASE_URL: config.appBaseUrl,
    PORT: String(config.port),
    SANDBOX_PORT: String(config.sandboxPort),
    CREDITOPS_DATA_DIR: dataDir(),
  };
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const next = path.join(root, "node_modules", ".bin", "next");
  const hook = "./scripts/lib/register-server-only.mjs";

  if (!dev && buildIsStale(root)) {
    say("building the console (sources changed since the last build)…");
    const code = await runToCompletion(next, ["build"], { ...childEnv, NODE_ENV: "production" });
    if (code !== 0) fail("next build failed (see above).");
  }

  if (Object.values(config.modes).some((m) => m === "sandbox")) {
    const sandbox = startChild("sandbox", tsx, ["lib/sandbox/server.ts"], childEnv);
    children.push(sandbox);
    await waitForHttp(`${config.sandboxUrl}/_control/health`, 30_000, () => sandbox.proc.exitCode === null);
  }
  children.push(startChild("worker", tsx, ["--import", hook, "scripts/worker.ts"], childEnv));
  // Not `next start`: the console's own entry sets the client address from the socket (design.md §2).
  const consoleChild = startChild("console", tsx, ["--import", hook, "scripts/console-server.ts", ...(dev ? ["--dev"] : [])], {
    ...childEnv,
    NODE_ENV: dev ? "development" : "production",
  });
  children.push(consoleChild);
  await waitForHttp(`http://127.0.0.1:${config.port}/api/health`, 120_000, () => consoleChild.proc.exitCode === null);

  for (const child of children) {
    child.proc.once("exit", (code) => {
      if (!stopping) {
        console.error(`[creditops] ${child.name} exited (${code}); stopping everything.`);
        void shutdown(1);
      }
    });
  }

  say(`console ready at ${config.appBaseUrl}`);
  if (!config.anyLive) {
    say(`vendor sandbox at ${config.sandboxUrl}`);
    say("demo sign-ins (sandbox only):");
    for (const u of DEMO_USERS) say(`  ${u.role.padEnd(13)} ${u.username} / ${u.password}`);
  }
  say("press Ctrl-C to stop.");
}

process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));
main().catch((error) => {
  if (!stopping) {
    console.error(error);
    void shutdown(1);
  }
});
