/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql the way `prisma migrate deploy`
 * does, because Prisma's schema engine cannot be downloaded on our machines. The bookkeeping
 * in `_prisma_migrations` is Prisma's own (table, checksum, lock id), so a machine that has the
 * real engine sees the same history and can take over.
 *
 * One deliberate difference: each migration runs inside a transaction together with its
 * bookkeeping, so a failure leaves nothing half-applied. Statements PostgreSQL refuses inside a
 * transaction (CREATE INDEX CONCURRENTLY, VACUUM…) therefore cannot be used in migrations,
 * and a migration must not contain its own BEGIN/COMMIT.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** The advisory lock key Prisma's schema engine takes, so a real `prisma migrate` waits too. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Prisma's DDL for PostgreSQL, column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: string[];
}

interface MigrationRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  started_at: Date;
  logs: string | null;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export async function applyMigrations(connectionString: string, opts: ApplyMigrationsOptions = {}): Promise<ApplyMigrationsResult> {
  const dir = path.resolve(opts.migrationsDir ?? "prisma/migrations");
  const log = opts.log ?? (() => undefined);
  const local = await readMigrations(dir);

  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined); // a dropped connection fails the pending query instead
  await client.connect().catch(async (err: unknown) => {
    await client.end().catch(() => undefined); // a half-open socket would keep the process alive
    throw err;
  });
  try {
    // Session-level: held across the per-migration transactions, released on disconnect.
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATE_LOCK_KEY]);
    if (!rows[0]?.locked) {
      log("Another process is applying migrations to this database; waiting for it to finish.");
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
    const recorded = await readRecorded(client);
    assertHistoryIsSound(recorded, local, dir);

    const result: ApplyMigrationsResult = { applied: [], alreadyApplied: [] };
    for (const migration of local) {
      if (recorded.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const started = Date.now();
      await applyOne(client, migration);
      log(`Applied migration ${migration.name} (${Date.now() - started} ms)`);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.end().catch(() => undefined); // ending the session releases the lock
  }
}

/** Migration folders in name order (their timestamp prefix makes that chronological). */
export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  if (!existsSync(dir)) return [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name);
  folders.sort(); // plain code-unit order, as Prisma sorts
  const migrations: LocalMigration[] = [];
  for (const name of folders) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) throw new MigrationError(`${path.join(dir, name)} has no migration.sql: add it or remove the folder.`);
    const bytes = await fs.readFile(file);
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) });
  }
  return migrations;
}

/** Lower-case hex SHA-256 of the file's bytes: Prisma's checksum format. */
export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

async function readRecorded(client: pg.Client): Promise<Map<string, MigrationRow>> {
  // Rolled-back attempts are history only: Prisma applies such a migration again.
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, migration_name, checksum, finished_at, started_at, logs
       FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const byName = new Map<string, MigrationRow>();
  for (const row of rows) {
    // Of duplicates, a failed attempt wins: it must be resolved before anything else happens.
    const seen = byName.get(row.migration_name);
    if (!seen || row.finished_at === null) byName.set(row.migration_name, row);
  }
  return byName;
}

/** Refuses before applying anything, so a doubtful history is never built upon. */
function assertHistoryIsSound(recorded: Map<string, MigrationRow>, local: LocalMigration[], dir: string) {
  const localByName = new Map(local.map((m) => [m.name, m]));
  for (const row of recorded.values()) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed when it was applied on ${row.started_at.toISOString()}` +
          (row.logs ? `: ${row.logs.split("\n")[0]}` : "") +
          `. Its SQL ran in a transaction, so none of it is in the database. Fix the migration, then mark the attempt rolled back ` +
          `(\`prisma migrate resolve --rolled-back ${row.migration_name}\`, or ` +
          `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${row.id}') and run the migrations again.`,
      );
    }
  }
  for (const row of recorded.values()) {
    const file = localByName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied in this database but ${path.join(dir, row.migration_name)} is missing: ` +
          `restore the folder from version control, or check that DATABASE_URL points at this application's database.`,
      );
    }
    if (!checksumMatches(file.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied (checksum ${file.checksum}, recorded ${row.checksum}): ` +
          `restore its migration.sql from version control and put the change in a new migration.`,
      );
    }
  }
}

/**
 * As Prisma compares: the file as is, or with its line endings converted either way (git may
 * check files out with CRLF), and the unpadded hex an old engine version wrote.
 */
function checksumMatches(sql: string, recorded: string): boolean {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll("\n", "\r\n")];
  return variants.some((text) => {
    const digest = createHash("sha256").update(text).digest();
    const rendered = recorded.length === 64 ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return rendered === recorded;
  });
}

async function applyOne(client: pg.Client, migration: LocalMigration) {
  const id = randomUUID();
  // Recorded before the transaction so that a failure leaves a row saying so, as Prisma does.
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await client.query("BEGIN");
    await client.query(migration.sql); // simple protocol: several statements in one call
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    const detail = describeSqlError(err);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [detail, id]).catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${detail}`, { cause: err });
  }
}

function describeSqlError(err: unknown): string {
  const e = err as { message?: string; code?: string; position?: string; where?: string };
  const parts = [e.message ?? String(err)];
  if (e.code) parts.push(`SQLSTATE ${e.code}`);
  if (e.position) parts.push(`at character ${e.position} of migration.sql`);
  if (e.where) parts.push(e.where);
  return parts.join("; ");
}
