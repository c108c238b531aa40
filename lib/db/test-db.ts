/**
 * Throwaway databases for tests that need a database of their own (migration and drift tests,
 * anything that would disturb the shared test database). The server comes from the vitest
 * global setup (scripts/lib/vitest-global-setup.ts) through DATABASE_URL.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "./migrate";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** false: leave the database empty. Default: apply prisma/migrations (or `migrationsDir`). */
  migrate?: boolean;
  migrationsDir?: string;
}

/** The test server's URL, set by the vitest global setup before any test file runs. */
export function getTestServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run tests through vitest, whose global setup provides a test server.");
  return url;
}

/** Creates `test_<random>` on the server of `baseUrl` (whichever database it names). */
export async function createTestDatabase(baseUrl: string, opts: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await runOnServer(baseUrl, `CREATE DATABASE "${name}"`);
  const target = new URL(baseUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const drop = async () => {
    // FORCE: a pool a test forgot to close must not keep the database alive.
    await runOnServer(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  if (opts.migrate !== false) {
    try {
      await applyMigrations(url, { migrationsDir: opts.migrationsDir });
    } catch (err) {
      await drop().catch(() => undefined);
      throw err;
    }
  }
  return { url, drop };
}

async function runOnServer(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect().catch(async (err: unknown) => {
    await client.end().catch(() => undefined); // a half-open socket would keep the process alive
    throw err;
  });
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
