import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, sha256Hex } from "./migrate";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "./test-db";

let db: TestDatabase;
let dir: string;

beforeEach(async () => {
  db = await createTestDatabase(getTestServerUrl(), { migrate: false });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "creditops-migrations-"));
  await fs.writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
});

afterEach(async () => {
  await db.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeMigration(name: string, sql: string) {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface Row {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}
const history = () => query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
const tableExists = async (name: string) => (await query(`SELECT to_regclass($1) AS t`, [name]))[0]?.t !== null;
const apply = () => applyMigrations(db.url, { migrationsDir: dir });

const M1 = "20260101000000_first";
const M2 = "20260102000000_second";
const M3 = "20260103000000_third";

describe("applyMigrations", () => {
  it("applies folders in name order and records them as prisma migrate deploy does", async () => {
    await writeMigration(M2, `CREATE TABLE "b" ("id" INTEGER REFERENCES "a"("id"));`);
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);\n-- a comment\n`);

    expect(await apply()).toEqual({ applied: [M1, M2], alreadyApplied: [] });

    const rows = await history();
    expect(rows.map((r) => r.migration_name)).toEqual([M1, M2]);
    for (const row of rows) {
      const file = await fs.readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(sha256Hex(file));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
    expect(await tableExists("b")).toBe(true);
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    await apply();
    const columns = await query(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
    const pk = await query(`SELECT conname FROM pg_constraint WHERE conrelid = '"_prisma_migrations"'::regclass AND contype = 'p'`);
    expect(pk).toEqual([{ conname: "_prisma_migrations_pkey" }]);
  });

  it("applies nothing the second time", async () => {
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);`);
    await apply();
    expect(await apply()).toEqual({ applied: [], alreadyApplied: [M1] });
    expect(await history()).toHaveLength(1);
  });

  it("applies only what is missing when the first of three is recorded", async () => {
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);`);
    await apply();
    await writeMigration(M2, `CREATE TABLE "b" ("id" INTEGER);`);
    await writeMigration(M3, `CREATE TABLE "c" ("id" INTEGER);`);

    expect(await apply()).toEqual({ applied: [M2, M3], alreadyApplied: [M1] });
    expect((await history()).map((r) => r.migration_name)).toEqual([M1, M2, M3]);
  });

  it("rolls a failing migration back, records the failure, and refuses the next run", async () => {
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);`);
    await writeMigration(M2, `CREATE TABLE "half" ("id" INTEGER);\nINSERT INTO "half" SELECT "id" FROM "no_such_table";`);
    await writeMigration(M3, `CREATE TABLE "c" ("id" INTEGER);`);

    await expect(apply()).rejects.toThrow(/Migration 20260102000000_second failed and was rolled back: .*"no_such_table" does not exist/);
    expect(await tableExists("a")).toBe(true);
    expect(await tableExists("half")).toBe(false); // nothing half-applied
    expect(await tableExists("c")).toBe(false); // nothing after it either

    const failed = (await history()).find((r) => r.migration_name === M2)!;
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed.logs).toContain("no_such_table");

    await expect(apply()).rejects.toThrow(/Migration 20260102000000_second failed when it was applied .*migrate resolve --rolled-back/);

    // The documented way out: fix the file, mark the attempt rolled back, run again.
    await writeMigration(M2, `CREATE TABLE "half" ("id" INTEGER);`);
    await query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [failed.id]);
    expect(await apply()).toEqual({ applied: [M2, M3], alreadyApplied: [M1] });
  });

  it("refuses a migration modified after it was applied, but not a line-ending change", async () => {
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);\nCREATE TABLE "a2" ("id" INTEGER);\n`);
    await apply();

    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);\r\nCREATE TABLE "a2" ("id" INTEGER);\r\n`);
    expect(await apply()).toEqual({ applied: [], alreadyApplied: [M1] }); // a CRLF checkout, as Prisma allows

    await writeMigration(M1, `CREATE TABLE "a" ("id" BIGINT);\n`);
    await writeMigration(M2, `CREATE TABLE "b" ("id" INTEGER);`);
    await expect(apply()).rejects.toThrow(/Migration 20260101000000_first was modified after it was applied/);
    expect(await tableExists("b")).toBe(false); // refused before applying anything
  });

  it("refuses when a recorded migration's folder is missing", async () => {
    await writeMigration(M1, `CREATE TABLE "a" ("id" INTEGER);`);
    await writeMigration(M2, `CREATE TABLE "b" ("id" INTEGER);`);
    await apply();
    await fs.rm(path.join(dir, M2), { recursive: true });
    await expect(apply()).rejects.toThrow(/Migration 20260102000000_second is applied in this database but .* is missing/);
  });

  it("applies each migration once when two runners start together", async () => {
    // pg_sleep keeps the first runner inside its lock long enough for the second to queue.
    await writeMigration(M1, `SELECT pg_sleep(0.3); CREATE TABLE "a" ("id" INTEGER);`);
    await writeMigration(M2, `CREATE TABLE "b" ("id" INTEGER);`);

    const [one, two] = await Promise.all([apply(), apply()]);
    expect([...one.applied, ...two.applied].sort()).toEqual([M1, M2]);
    expect([one.applied.length, two.applied.length].sort()).toEqual([0, 2]);
    expect((await history()).map((r) => r.migration_name)).toEqual([M1, M2]);
  });

  it("treats a missing migrations folder as nothing to apply and rejects a folder without migration.sql", async () => {
    expect(await applyMigrations(db.url, { migrationsDir: path.join(dir, "absent") })).toEqual({ applied: [], alreadyApplied: [] });
    await fs.mkdir(path.join(dir, M1));
    await expect(apply()).rejects.toThrow(/20260101000000_first has no migration.sql/);
  });
});
