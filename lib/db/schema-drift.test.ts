import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_DIR, findSchemaDrift } from "./schema-drift";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "./test-db";

const hasGeneratedClient = existsSync(path.join(DEFAULT_CLIENT_DIR, "internal/class.ts"));

describe("the real schema", () => {
  // lib/generated is git-ignored and made by `npm install` (postinstall) or `npm run db:generate`.
  it.skipIf(!hasGeneratedClient)("prisma/migrations produce exactly the generated client's data model", async () => {
    const db = await createTestDatabase(getTestServerUrl());
    try {
      expect(await findSchemaDrift(db.url)).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

// A miniature generated client, so the comparison is tested independently of the app's schema.
const SCHEMA = `
enum Status {
  ACTIVE
  CLOSED @map("closed")
  @@map("status")
}

/// Doc comment.
model Account {
  id        BigInt    @id @default(autoincrement())
  code      String    @db.VarChar(12)
  name      String?   // "quoted" comment
  site      String    @default("http://example.com") // a URL is not a comment
  balance   Decimal   @db.Decimal(18, 2)
  rate      Decimal
  active    Boolean   @default(true)
  openedAt  DateTime  @map("opened_at")
  closedAt  DateTime? @map("closed_at") @db.Timestamptz(3)
  day       DateTime  @db.Date
  meta      Json?
  raw       Bytes?
  tags      String[]
  status    Status
  owner     User      @relation(fields: [ownerId], references: [id])
  ownerId   Int       @map("owner_id")

  @@index([ownerId])
  @@map("accounts")
}

model User {
  id       Int       @id @default(autoincrement())
  accounts Account[]

  @@map("app_users")
}
`;

const field = (name: string, type: string, kind = "scalar", dbName?: string) => ({ name, kind, type, ...(dbName ? { dbName } : {}) });
const RUNTIME_MODEL = {
  models: {
    Account: {
      dbName: "accounts",
      schema: null,
      fields: [
        field("id", "BigInt"),
        field("code", "String"),
        field("name", "String"),
        field("site", "String"),
        field("balance", "Decimal"),
        field("rate", "Decimal"),
        field("active", "Boolean"),
        field("openedAt", "DateTime", "scalar", "opened_at"),
        field("closedAt", "DateTime", "scalar", "closed_at"),
        field("day", "DateTime"),
        field("meta", "Json"),
        field("raw", "Bytes"),
        field("tags", "String"),
        field("status", "Status", "enum"),
        field("owner", "User", "object"),
        field("ownerId", "Int", "scalar", "owner_id"),
      ],
    },
    User: { dbName: "app_users", schema: null, fields: [field("id", "Int"), field("accounts", "Account", "object")] },
  },
  enums: {},
  types: {},
};

// What the prisma-client generator writes, reduced to the two statements the check reads.
const CLASS_TS = `const config = {
  "inlineSchema": ${JSON.stringify(SCHEMA)},
  "runtimeDataModel": { "models": {}, "enums": {}, "types": {} },
}
config.runtimeDataModel = JSON.parse(${JSON.stringify(JSON.stringify(RUNTIME_MODEL))})
`;

const MATCHING_SQL = `
CREATE TYPE "status" AS ENUM ('ACTIVE', 'closed');
CREATE TABLE "app_users" ("id" SERIAL PRIMARY KEY);
CREATE TABLE "accounts" (
  "id" BIGSERIAL PRIMARY KEY,
  "code" VARCHAR(12) NOT NULL,
  "name" TEXT,
  "site" TEXT NOT NULL DEFAULT 'http://example.com',
  "balance" DECIMAL(18,2) NOT NULL,
  "rate" DECIMAL(65,30) NOT NULL,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "opened_at" TIMESTAMP(3) NOT NULL,
  "closed_at" TIMESTAMPTZ(3),
  "day" DATE NOT NULL,
  "meta" JSONB,
  "raw" BYTEA,
  "tags" TEXT[],
  "status" "status" NOT NULL,
  "owner_id" INTEGER NOT NULL REFERENCES "app_users"("id")
);
-- Bookkeeping is not part of the model.
CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY);
CREATE SCHEMA "pgboss";
CREATE TABLE "pgboss"."job" ("id" UUID PRIMARY KEY);
`;

describe("findSchemaDrift against a miniature client", () => {
  let clientDir: string;
  let db: TestDatabase;

  beforeAll(async () => {
    clientDir = await fs.mkdtemp(path.join(os.tmpdir(), "creditops-client-"));
    await fs.mkdir(path.join(clientDir, "internal"));
    await fs.writeFile(path.join(clientDir, "internal/class.ts"), CLASS_TS);
  });
  afterAll(() => fs.rm(clientDir, { recursive: true, force: true }));
  afterEach(() => db?.drop());

  async function databaseWith(sql: string) {
    db = await createTestDatabase(getTestServerUrl(), { migrate: false });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
    return db.url;
  }

  it("reports nothing when the database matches, ignoring _prisma_migrations and pgboss", async () => {
    expect(await findSchemaDrift(await databaseWith(MATCHING_SQL), { clientDir })).toEqual([]);
  });

  it("reports every kind of difference in one sentence each", async () => {
    const url = await databaseWith(`${MATCHING_SQL}
      ALTER TABLE "accounts" ALTER COLUMN "code" TYPE VARCHAR(20);
      ALTER TABLE "accounts" ALTER COLUMN "name" SET NOT NULL;
      ALTER TABLE "accounts" ALTER COLUMN "opened_at" TYPE TIMESTAMPTZ(3);
      ALTER TABLE "accounts" ALTER COLUMN "status" TYPE TEXT;
      ALTER TABLE "accounts" DROP COLUMN "day";
      ALTER TABLE "accounts" ADD COLUMN "extra" INTEGER;
      ALTER TYPE "status" ADD VALUE 'FROZEN';
      CREATE TABLE "scratch" ("id" INTEGER);
      CREATE TYPE "stray" AS ENUM ('x');
      DROP TABLE "app_users" CASCADE;
    `);
    expect((await findSchemaDrift(url, { clientDir })).sort()).toEqual(
      [
        `Column "accounts"."code" (Account.code): the database has type character varying(20), the schema expects character varying(12).`,
        `Column "accounts"."name" (Account.name): NOT NULL in the database, optional in the schema.`,
        `Column "accounts"."opened_at" (Account.openedAt): the database has type timestamp(3) with time zone, the schema expects timestamp(3) without time zone.`,
        `Column "accounts"."status" (Account.status): the database has type text, the schema expects enum "status".`,
        `Column "accounts"."day" (Account.day) is missing from the database.`,
        `Column "accounts"."extra" is in the database but not in model Account.`,
        `Enum type "status" has value(s) FROZEN that the schema does not.`,
        `Table "scratch" is in the database but not in the Prisma schema.`,
        `Enum type "stray" is in the database but not in the Prisma schema.`,
        `Table "app_users" (model User) is missing from the database.`,
      ].sort(),
    );
  });
});
