import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * A plain node-postgres pool for the few hot paths that speak SQL directly (callback intake):
 * one round trip there costs a fraction of a Prisma statement's CPU. Results are typed at the
 * call site (`sqlRows<T>`), and every such statement has a test beside it.
 */
const globalForPool = globalThis as unknown as { __creditopsPool?: pg.Pool };

export function getPool(): pg.Pool {
  if (!globalForPool.__creditopsPool) {
    const url = env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides one.");
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    globalForPool.__creditopsPool = pool;
  }
  return globalForPool.__creditopsPool;
}

/**
 * `name` makes it a prepared statement, parsed and planned once per connection: worth it for
 * the statements every callback runs.
 */
export async function sqlRows<T extends pg.QueryResultRow>(text: string, values: unknown[], name?: string): Promise<T[]> {
  return (await getPool().query<T>({ text, values, name })).rows;
}
