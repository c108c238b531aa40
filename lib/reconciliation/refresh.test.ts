import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { refreshException, type TransactionQuery } from "./refresh";
import { insertOurRequests } from "./test-helpers";

let db: TestDatabase;
let pool: pg.Pool;
const finance = { id: "u-fin", name: "Fin", role: "FINANCE" as const };

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function openLine(key: string, fileType = "RECHARGE", kind = "STATUS_MISMATCH"): Promise<string> {
  const run = await pool.query<{ id: string }>("INSERT INTO recon_runs (file_date, status) VALUES ('2026-10-01', 'MATCHED') RETURNING id::text");
  const l = await pool.query<{ id: string }>(
    "INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, state) VALUES ($1, $2, $3, $4, 1, 1, 'OPEN') RETURNING id::text",
    [run.rows[0]!.id, fileType, key, kind],
  );
  return l.rows[0]!.id;
}

describe("refresh an exception from QUERY_TRANSACTION", () => {
  it("resolves it when 联银通's answer now agrees with our request, asking with the request's own type", async () => {
    await insertOurRequests(pool, [{ requestNo: "Q1", serviceName: "RECHARGE", amount: 5000, fee: 10 }]);
    const id = await openLine("Q1");
    const asked: string[] = [];
    const query: TransactionQuery = async (requestNo, type) => {
      asked.push(`${requestNo}/${type}`);
      return { status: "SUCCESS", amount: 5000, fee: 10 };
    };
    expect((await refreshException(pool, finance, id, query)).resolved).toBe(true);
    expect(asked).toEqual(["Q1/RECHARGE"]);
    const row = (await pool.query("SELECT state, resolution, note FROM recon_lines WHERE id = $1", [id])).rows[0];
    expect(row).toMatchObject({ state: "RESOLVED", resolution: "REFRESHED" });
    expect(row.note).toContain("SUCCESS");
    expect((await pool.query("SELECT count(*)::int AS n FROM audit_logs WHERE action = 'reconciliation.refresh' AND target_id = $1", [id])).rows[0].n).toBe(1);
  });

  it("keeps it open, with the answer in its note, when they still disagree or we have no request", async () => {
    await insertOurRequests(pool, [{ requestNo: "Q2", serviceName: "CONFIRM_LOAN", amount: 7000, commission: 0 }]);
    const id = await openLine("Q2", "TRANSACTION", "AMOUNT_MISMATCH");
    let askedType = "";
    const r = await refreshException(pool, finance, id, async (_no, type) => {
      askedType = type;
      return { status: "SUCCESS", amount: 7001, fee: 0 };
    });
    expect([r.resolved, askedType]).toEqual([false, "TRANSACTIONCONFIRM_TRADE"]);
    const row = (await pool.query("SELECT state, note FROM recon_lines WHERE id = $1", [id])).rows[0];
    expect(row.state).toBe("OPEN");
    expect(row.note).toContain("7001");
    const missing = await openLine("ONLY-THEIRS", "RECHARGE", "MISSING_OURS");
    expect((await refreshException(pool, finance, missing, async () => ({ status: "SUCCESS", amount: 1, fee: 0 }))).resolved).toBe(false);
  });
});
