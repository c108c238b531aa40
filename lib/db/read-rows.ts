import "server-only";
import type pg from "pg";
import { connectionStringOf, type DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { poolFor, poolRows } from "./pool";

/**
 * A read-only composed statement (list pages, counts, export batches). Outside a transaction it
 * goes through the plain pool of the client's database, which costs a fraction of Prisma's
 * per-statement CPU (issue 7: small list queries were 3.5× their raw SQL through Prisma); inside
 * one it must use the transaction's connection, so Prisma runs it.
 *
 * The two differ in how they return `bigint` and `numeric` columns (pg: strings; Prisma: BigInt
 * and Decimal): statements read here cast those to `text`, `int` or `float8` themselves.
 */
export async function readRows<R extends pg.QueryResultRow>(db: DbOrTx, sql: Prisma.Sql): Promise<R[]> {
  const url = connectionStringOf(db);
  return url ? poolRows<R>(poolFor(url), sql) : db.$queryRaw<R[]>(sql);
}
