/**
 * The data step of the name/address encryption (migration 20261130140000, phase 1 of 2).
 *
 * SQL cannot encrypt: the key lives in the application. So after the SQL migrations,
 * `npm run db:migrate` (scripts/migrate.ts) and `npm start` (scripts/start.ts) call
 * {@link encryptClearColumns}: every row still holding a clear name or address gets its
 * `<col>_enc` / `<col>_idx` / `<col>_masked` values and the clear column is set to NULL.
 *
 * - Batched: one transaction per batch of rows (FOR UPDATE, keyed by id), so a large table
 *   never sits in one long transaction and a crash loses at most the batch in flight.
 * - Idempotent: only rows with a clear value are selected, so a second run finds nothing, and a
 *   run interrupted half-way carries on where it stopped.
 * - One runner at a time: a session advisory lock (replicas starting together wait).
 * - Plain `pg`, not the Prisma client: the client no longer knows the clear columns (@ignore).
 *
 * Pure apart from the connection: the keys are parameters, nothing is read from the environment
 * and no value is ever logged (only counts).
 */
import pg from "pg";
import { blindIndex } from "./blind-index";
import { encryptField } from "./crypto";
import { maskAddress, maskName } from "./mask";

export type ClearColumn = { column: string; kind: "name" | "address" };
export type ClearTable = { table: string; columns: ClearColumn[] };

/** Every clear personal column the migration left behind, and how each is protected. */
export const CLEAR_COLUMNS: readonly ClearTable[] = [
  { table: "pretrial_orders", columns: [{ column: "customer_name", kind: "name" }] },
  {
    table: "risk_profiles",
    columns: [
      { column: "real_name", kind: "name" },
      { column: "birthplace", kind: "address" },
      { column: "user_address", kind: "address" },
      { column: "company_address", kind: "address" },
      { column: "name1", kind: "name" },
      { column: "name2", kind: "name" },
      { column: "card_user_name", kind: "name" },
    ],
  },
];

/** Arbitrary but fixed: distinct from Prisma's migrate lock (72707369). */
const DATA_STEP_LOCK_KEY = 72707370;

export type PiiKeys = { enc: Buffer; idx: Buffer };
export type EncryptClearColumnsResult = { encrypted: Record<string, number> };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function anyClear(t: ClearTable): string {
  return t.columns.map((c) => `${quote(c.column)} IS NOT NULL`).join(" OR ");
}

/** Rows still holding a clear value, per table; no key needed (start-up asks before loading keys). */
export async function countClearRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of CLEAR_COLUMNS) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(t.table)} WHERE ${anyClear(t)}`);
    counts[t.table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The protected columns for one clear value (null stays null: an optional field left empty). */
function protect(c: ClearColumn, value: string | null, keys: PiiKeys): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  // An empty string was never a value worth encrypting (and has no blind index): it becomes NULL.
  const present = value !== null && value.trim() !== "";
  out[`${c.column}_enc`] = present ? encryptField(value, keys.enc) : null;
  out[`${c.column}_masked`] = present ? (c.kind === "name" ? maskName(value) : maskAddress(value)) : null;
  if (c.kind === "name") out[`${c.column}_idx`] = present ? blindIndex(value, "name", keys.idx) : null;
  return out;
}

async function encryptBatch(client: pg.ClientBase, t: ClearTable, keys: PiiKeys, batchSize: number): Promise<number> {
  await client.query("BEGIN");
  try {
    const cols = t.columns.map((c) => quote(c.column)).join(", ");
    const { rows } = await client.query<Record<string, string | null> & { id: string }>(
      `SELECT id, ${cols} FROM ${quote(t.table)} WHERE ${anyClear(t)} ORDER BY id LIMIT $1 FOR UPDATE`,
      [batchSize],
    );
    for (const row of rows) {
      const sets: string[] = [];
      const params: (string | null)[] = [row.id];
      for (const c of t.columns) {
        // A column already cleared keeps whatever protected values it has.
        if (row[c.column] === null) continue;
        for (const [col, value] of Object.entries(protect(c, row[c.column], keys))) {
          params.push(value);
          sets.push(`${quote(col)} = $${params.length}`);
        }
        sets.push(`${quote(c.column)} = NULL`);
      }
      await client.query(`UPDATE ${quote(t.table)} SET ${sets.join(", ")} WHERE id = $1`, params);
    }
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Encrypts every clear name and address left by the migration, then clears the old column.
 * Returns how many rows of each table it changed (zero everywhere on a second run).
 */
export async function encryptClearColumns(
  connectionString: string,
  keys: PiiKeys,
  opts: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<EncryptClearColumnsResult> {
  const batchSize = opts.batchSize ?? 500;
  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [DATA_STEP_LOCK_KEY]);
    const encrypted: Record<string, number> = {};
    for (const t of CLEAR_COLUMNS) {
      encrypted[t.table] = 0;
      for (;;) {
        const n = await encryptBatch(client, t, keys, batchSize);
        encrypted[t.table] += n;
        if (n < batchSize) break;
      }
      if (encrypted[t.table]) opts.log?.(`Encrypted the names and addresses of ${encrypted[t.table]} row(s) of ${t.table}`);
    }
    return { encrypted };
  } finally {
    await client.end().catch(() => undefined); // ending the session releases the lock
  }
}

/** Convenience for callers holding only a URL: counts clear rows on a short-lived connection. */
export async function countClearRowsAt(connectionString: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await countClearRows(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
