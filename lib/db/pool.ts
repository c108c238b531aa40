import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Plain node-postgres pools for the hot paths that speak SQL directly (callback intake, list
 * pages, exports): one round trip there costs a fraction of a Prisma statement's CPU (about
 * 2 ms less per list page, measured by `npm run bench:lists`). Results are typed at the call
 * site (`sqlRows<T>`), and every such statement has a test beside it. One pool per connection
 * string, kept on globalThis like the Prisma client.
 */
/**
 * Values typed as Prisma's raw queries type them, so a statement reads the same through either
 * (lib/db/read-rows.ts): `bigint` as BigInt, `numeric` as Decimal, `date` and `timestamp` as
 * UTC instants (pg's defaults are strings, and local time, which would follow the server's TZ).
 */
const PRISMA_LIKE: Record<number, (text: string) => unknown> = {
  20: (v) => BigInt(v), // int8
  1700: (v) => new Prisma.Decimal(v), // numeric
  1082: (v) => new Date(`${v}T00:00:00Z`), // date
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`), // timestamp without time zone
};
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    (format !== "binary" && PRISMA_LIKE[oid]) || pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForPool = globalThis as unknown as { __creditopsPools?: Map<string, pg.Pool> };

export function poolFor(connectionString: string): pg.Pool {
  const pools = (globalForPool.__creditopsPools ??= new Map());
  let pool = pools.get(connectionString);
  if (!pool) {
    pool = new pg.Pool({ connectionString, max: 10, types });
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

/**
 * `work` on one connection of `pool` inside BEGIN … COMMIT; rolled back (and rethrown) if it
 * throws. For code that speaks SQL through `pg` rather than Prisma (reconciliation).
 */
export async function inPgTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const out = await work(c);
    await c.query("COMMIT");
    return out;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
