import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Plain node-postgres pools for the hot paths that speak SQL directly (callback intake, list
 * pages, exports): one round trip there costs a fraction of a Prisma statement's CPU (about
 * 2 ms less per list page, measured by `npm run bench:lists`). Results are typed at the call
 * site (`sqlRows<T>`), and every such statement has a test beside it. One pool per connection
 * string, kept on globalThis like the Prisma client.
 */
const globalForPool = globalThis as unknown as { __creditopsPools?: Map<string, pg.Pool> };

export function poolFor(connectionString: string): pg.Pool {
  const pools = (globalForPool.__creditopsPools ??= new Map());
  let pool = pools.get(connectionString);
  if (!pool) {
    pool = new pg.Pool({ connectionString, max: 10 });
    // An idle client dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    pools.set(connectionString, pool);
  }
  return pool;
}

export function getPool(): pg.Pool {
  const url = env().databaseUrl;
  if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides one.");
  return poolFor(url);
}

/** Closes every pool this process opened (tests, scripts that end). */
export async function closePools(): Promise<void> {
  const pools = globalForPool.__creditopsPools;
  if (!pools) return;
  globalForPool.__creditopsPools = undefined;
  await Promise.all([...pools.values()].map((p) => p.end().catch(() => undefined)));
}

/**
 * `name` makes it a prepared statement, parsed and planned once per connection: worth it for
 * the statements every callback runs.
 */
export async function sqlRows<T extends pg.QueryResultRow>(text: string, values: unknown[], name?: string): Promise<T[]> {
  return (await getPool().query<T>({ text, values, name })).rows;
}

/** A composed `Prisma.sql` statement sent through `pool` (its `$n` text and values as they are). */
export async function poolRows<T extends pg.QueryResultRow>(pool: pg.Pool, sql: Prisma.Sql): Promise<T[]> {
  return (await pool.query<T>({ text: sql.text, values: sql.values })).rows;
}
