import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDataSteps } from "@/lib/db/data-steps";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { blindIndex } from "./blind-index";
import { CLEAR_COLUMNS, countClearRowsAt, encryptClearColumns } from "./clear-columns";
import { decryptField } from "./crypto";

/**
 * The data step of migration 20261130140000: a database with clear names and addresses, as
 * written before the migration, is migrated, then the step encrypts every row, clears the old
 * columns, and does nothing the second time.
 */
const THE_MIGRATION = "20261130140000_encrypt_names_addresses";
const keys = { enc: randomBytes(32), idx: randomBytes(32) };
let db: TestDatabase;
let beforeDir: string;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const CLEAR = Array.from({ length: 7 }, (_, i) => ({
  id: `old-${i}`,
  customerName: `旧客户${"甲乙丙丁戊己庚"[i]}`,
  realName: `旧申请人${"甲乙丙丁戊己庚"[i]}`,
  birthplace: i % 2 ? "四川成都" : null,
  userAddress: `四川省成都市锦江区示例路 ${i} 号`,
  companyAddress: i % 3 ? `成都市高新区示例大厦 ${i} 楼` : null,
  name1: `旧联系人${i}甲`.replace(/\d/, "一"),
  name2: "旧联系人乙",
  cardUserName: i % 2 ? null : "Old Holder",
}));

beforeAll(async () => {
  // The migrations as they were before this one: the schema old rows were written under.
  beforeDir = await fs.mkdtemp(path.join(os.tmpdir(), "creditops-before-pii-"));
  const all = path.resolve("prisma/migrations");
  for (const name of await fs.readdir(all)) {
    if (name >= THE_MIGRATION || !/^\d{14}_/.test(name)) continue;
    await fs.cp(path.join(all, name), path.join(beforeDir, name), { recursive: true });
  }
  db = await createTestDatabase(getTestServerUrl(), { migrationsDir: beforeDir });
  for (const r of CLEAR) {
    await sql(
      `INSERT INTO pretrial_orders (id, idempotency_key, outside_order_id, status, customer_name, id_number_enc, id_number_idx, id_number_masked,
         mobile_enc, mobile_idx, mobile_masked, birth_date, sex, channel, credit_type, social_credit_code, photo_front_id, photo_back_id, officer_id, updated_at)
       VALUES ($1, $1, $1, 'PASSED', $2, 'e', 'i', 'm', 'e', 'i', 'm', '1990-01-01', 'M', 'C', '6', 'S', 'f', 'b', 'u', now())`,
      [r.id, r.customerName],
    );
    await sql(
      `INSERT INTO risk_profiles (id, real_name, gender, birthplace, id_number_enc, id_number_idx, id_number_masked, mobile_enc, mobile_idx, mobile_masked,
         user_address, company_address, relation1, name1, phone1_enc, phone1_masked, relation2, name2, phone2_enc, phone2_masked,
         channel_id, channel_kind, card_user_name, created_by_id, updated_at)
       VALUES ($1, $2, '男', $3, 'e', 'i', 'm', 'e', 'i', 'm', $4, $5, '父母', $6, 'e', 'm', '朋友', $7, 'e', 'm', 'AppStore', 'NATURAL', $8, 'u', now())`,
      [r.id, r.realName, r.birthplace, r.userAddress, r.companyAddress, r.name1, r.name2, r.cardUserName],
    );
  }
  await applyMigrations(db.url);
});

afterAll(async () => {
  await db?.drop();
  if (beforeDir) await fs.rm(beforeDir, { recursive: true, force: true });
});

describe("encrypting the names and addresses stored before the migration", () => {
  it("the migration alone keeps old rows readable and refuses any new clear value", async () => {
    expect(await countClearRowsAt(db.url)).toEqual({ pretrial_orders: CLEAR.length, risk_profiles: CLEAR.length });
    await expect(sql(`UPDATE pretrial_orders SET customer_name = 'x' WHERE id = 'old-0'`)).rejects.toThrow(/pretrial_orders_clear_personal_data/);
    await expect(sql(`UPDATE risk_profiles SET user_address = 'x' WHERE id = 'old-0'`)).rejects.toThrow(/risk_profiles_clear_personal_data/);
  });

  it("refuses to run without keys only when there is something to encrypt", async () => {
    await expect(runDataSteps(db.url, { keys: () => { throw new Error("PII_ENCRYPTION_KEY is empty"); } })).rejects.toThrow(
      /7 row\(s\)|14 row\(s\)/,
    );
  });

  it("encrypts, indexes and masks every clear value in batches, then clears the column", async () => {
    const log: string[] = [];
    const result = await encryptClearColumns(db.url, keys, { batchSize: 3, log: (l) => log.push(l) });
    expect(result.encrypted).toEqual({ pretrial_orders: CLEAR.length, risk_profiles: CLEAR.length });
    // Counts only: no value in the log.
    for (const r of CLEAR) expect(log.join("\n")).not.toContain(r.customerName);

    const orders = await sql<Record<string, string | null>>(`SELECT * FROM pretrial_orders ORDER BY id`);
    const profiles = await sql<Record<string, string | null>>(`SELECT * FROM risk_profiles ORDER BY id`);
    for (const [i, r] of CLEAR.entries()) {
      const o = orders[i];
      expect(o.customer_name).toBeNull();
      expect(decryptField(o.customer_name_enc!, keys.enc)).toBe(r.customerName);
      expect(o.customer_name_idx).toBe(blindIndex(r.customerName, "name", keys.idx));
      expect(o.customer_name_masked).toBe(`旧**${r.customerName.slice(-1)}`);
      const p = profiles[i];
      for (const { column } of CLEAR_COLUMNS[1].columns) expect(p[column]).toBeNull();
      expect(decryptField(p.real_name_enc!, keys.enc)).toBe(r.realName);
      expect(decryptField(p.user_address_enc!, keys.enc)).toBe(r.userAddress);
      expect(p.user_address_masked).toBe("四川省成都****");
      expect(decryptField(p.name1_enc!, keys.enc)).toBe(r.name1);
      expect(p.name2_idx).toBe(blindIndex("旧联系人乙", "name", keys.idx));
      expect(p.birthplace_enc === null).toBe(r.birthplace === null);
      expect(p.company_address_enc === null).toBe(r.companyAddress === null);
      expect(p.card_user_name_masked).toBe(r.cardUserName ? "O*** H***" : null);
      if (r.companyAddress) expect(decryptField(p.company_address_enc!, keys.enc)).toBe(r.companyAddress);
    }
  });

  it("is idempotent: the second run finds nothing and changes nothing", async () => {
    const before = await sql(`SELECT * FROM risk_profiles ORDER BY id`);
    expect(await encryptClearColumns(db.url, keys, { batchSize: 3 })).toEqual({ encrypted: { pretrial_orders: 0, risk_profiles: 0 } });
    expect(await sql(`SELECT * FROM risk_profiles ORDER BY id`)).toEqual(before);
    // And start-up's runner needs no keys once nothing is left in clear.
    expect(await runDataSteps(db.url, { keys: () => { throw new Error("not needed"); } })).toEqual({ encrypted: {} });
  });

  it("no clear name or address is left anywhere in those tables", async () => {
    const dump = JSON.stringify([await sql(`SELECT * FROM pretrial_orders`), await sql(`SELECT * FROM risk_profiles`)]);
    for (const r of CLEAR) {
      for (const value of [r.customerName, r.realName, r.userAddress, r.name1, r.companyAddress, r.birthplace]) {
        if (value) expect(dump).not.toContain(value);
      }
    }
    expect(dump).not.toContain("Old Holder");
  });
});
