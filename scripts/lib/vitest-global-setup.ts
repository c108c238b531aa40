/**
 * Vitest global setup: one PostgreSQL for the whole run, a migrated `creditops_test` database
 * on it, its URL in DATABASE_URL (set here, before the workers fork, so they inherit it) and in
 * `inject("databaseUrl")`.
 *
 * TEST_DATABASE_URL set (CI with a service container): that server is used, in a fresh database
 * of its own that is dropped afterwards, so runs never see each other's rows.
 * Otherwise: an embedded PostgreSQL in a throwaway folder under the OS temp folder (which the
 * postgres user can enter even when the repository is under /root).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase } from "@/lib/db/test-db";
import { describeDbError, startEmbeddedPostgres, waitForDatabase } from "./embedded-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const FOLDER_PREFIX = "creditops-test-pg-";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, teardown } = process.env.TEST_DATABASE_URL ? await prepareExternalServer(process.env.TEST_DATABASE_URL) : await startEmbeddedServer();
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return teardown;
}

async function prepareExternalServer(serverUrl: string) {
  await waitForDatabase(serverUrl, 10_000);
  const db = await createTestDatabase(serverUrl, { migrate: true }).catch((err: unknown) => {
    throw new Error(`Could not create the test database on TEST_DATABASE_URL's server: ${describeDbError(err, serverUrl)} (its user needs CREATEDB).`, {
      cause: err,
    });
  });
  return { url: db.url, teardown: db.drop };
}

async function startEmbeddedServer() {
  removeLeftoverFolders();
  const folder = path.join(os.tmpdir(), `${FOLDER_PREFIX}${process.pid}`);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(folder, "data"),
    port: 0, // any free port: a console on 5433 or a parallel run must not matter
    database: "creditops_test",
    persistent: false,
    quiet: true,
  });
  const teardown = async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
    // After a traversal fallback the cluster lived elsewhere; its folder is ours alone too.
    rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  };
  try {
    // Missing or empty prisma/migrations is fine: there is simply nothing to apply yet.
    await applyMigrations(server.url);
  } catch (err) {
    await teardown();
    throw err;
  }
  return { url: server.url, teardown };
}

/** Folders of runs that were killed before their teardown (their vitest and postgres are gone). */
function removeLeftoverFolders() {
  for (const name of readdirSync(os.tmpdir())) {
    const pid = Number(name.slice(FOLDER_PREFIX.length));
    if (!name.startsWith(FOLDER_PREFIX) || !(pid > 0) || isAlive(pid)) continue;
    const folder = path.join(os.tmpdir(), name);
    const pidFile = path.join(folder, "data", "postmaster.pid");
    const postgresPid = existsSync(pidFile) ? Number.parseInt(readFileSync(pidFile, "utf8"), 10) : 0;
    if (postgresPid > 0 && isAlive(postgresPid)) continue; // an orphaned server still uses it
    rmSync(folder, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
