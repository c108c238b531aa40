import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The Prisma client over node-postgres. One per process (kept on globalThis so dev-mode
 * reloads do not open a new pool each time). Functions that touch the database take a `Db`
 * argument so callers can pass a transaction instead (house-style rule 4).
 */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

const globalForDb = globalThis as unknown as { __creditopsDb?: PrismaClient };

/** Which database each client made here talks to, so hot reads can take the plain pool (lib/db/read-rows.ts). */
const connectionStrings = new WeakMap<object, string>();

export function createDb(connectionString: string) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  connectionStrings.set(db, connectionString);
  return db;
}

/** The connection string of a client made by {@link createDb}; undefined for a transaction. */
export function connectionStringOf(db: DbOrTx): string | undefined {
  return connectionStrings.get(db);
}

export function getDb(): PrismaClient {
  if (!globalForDb.__creditopsDb) {
    const url = env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides one.");
    globalForDb.__creditopsDb = createDb(url);
  }
  return globalForDb.__creditopsDb;
}
