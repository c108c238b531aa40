import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { decideAdjustment, proposeAdjustment } from "./adjust";
import { ReconWorkflowError } from "./workflow";

let db: TestDatabase;
let pool: pg.Pool;
const maker = { id: "fin-a", name: "A", role: "FINANCE" as const };
const checker = { id: "fin-b", name: "B", role: "FINANCE" as const };

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function openLine(): Promise<string> {
  const run = await pool.query<{ id: string }>("INSERT INTO recon_runs (file_date, status) VALUES ('2026-09-01', 'MATCHED') RETURNING id::text");
  return (await pool.query<{ id: string }>("INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, state) VALUES ($1, 'BALANCE', 'U7', 'AMOUNT_MISMATCH', 1, 1, 'OPEN') RETURNING id::text", [run.rows[0]!.id])).rows[0]!.id;
}
const problem = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof ReconWorkflowError ? e.problem : String(e)));

describe("adjusting postings (maker-checker)", () => {
  it("a second finance user approves: one balanced posting, the exception resolved, audited", async () => {
    const line = await openLine();
    const id = await proposeAdjustment(pool, maker, { lineId: line, owner: "U7", bucket: "AVAILABLE", amount: 250, memo: "custody credited a refund we missed" });
    expect(await problem(decideAdjustment(pool, maker, id, "APPROVE"))).toBe("forbidden");
    const { ledgerTransactionId } = await decideAdjustment(pool, checker, id, "APPROVE");
    const postings = await pool.query("SELECT account_id, amount::int FROM ledger_postings WHERE transaction_id = $1 ORDER BY account_id", [ledgerTransactionId]);
    expect(postings.rows).toEqual([{ account_id: "AVAILABLE:U7", amount: 250 }, { account_id: "EXTERNAL_BANK", amount: -250 }]);
    expect((await pool.query("SELECT state, resolution FROM recon_lines WHERE id = $1", [line])).rows[0]).toEqual({ state: "RESOLVED", resolution: "ADJUSTED" });
    expect(await problem(decideAdjustment(pool, checker, id, "APPROVE"))).toBe("not_open");
    const audits = await pool.query("SELECT action FROM audit_logs WHERE target_type = 'recon_adjustment' AND target_id = $1 ORDER BY id", [id]);
    expect(audits.rows.map((r) => r.action)).toEqual(["reconciliation.adjustPropose", "reconciliation.adjustApprove"]);
  });

  it("the database refuses the maker as checker even past the code", async () => {
    const line = await openLine();
    const id = await proposeAdjustment(pool, maker, { lineId: line, owner: "U8", bucket: "AVAILABLE", amount: 1, memo: "x" });
    await expect(pool.query("UPDATE recon_adjustments SET checker_id = maker_id WHERE id = $1", [id])).rejects.toThrow(/four_eyes/);
  });

  it("an adjustment that would take a bucket below zero posts nothing and leaves the exception open", async () => {
    const line = await openLine();
    const id = await proposeAdjustment(pool, maker, { lineId: line, owner: "U9", bucket: "AVAILABLE", amount: -100, memo: "take back" });
    await expect(decideAdjustment(pool, checker, id, "APPROVE")).rejects.toThrow(/not_negative/);
    expect((await pool.query("SELECT status FROM recon_adjustments WHERE id = $1", [id])).rows[0].status).toBe("WAITING");
    expect((await pool.query("SELECT state FROM recon_lines WHERE id = $1", [line])).rows[0].state).toBe("OPEN");
    await decideAdjustment(pool, checker, id, "REJECT");
    expect((await pool.query("SELECT status FROM recon_adjustments WHERE id = $1", [id])).rows[0].status).toBe("REJECTED");
  });

  it("refuses zero amounts, a second waiting proposal, and roles outside finance", async () => {
    const line = await openLine();
    expect(await problem(proposeAdjustment(pool, maker, { lineId: line, owner: "U1", bucket: "FROZEN", amount: 0, memo: "m" }))).toBe("note_required");
    await proposeAdjustment(pool, maker, { lineId: line, owner: "U1", bucket: "FROZEN", amount: 5, memo: "m" });
    await expect(proposeAdjustment(pool, maker, { lineId: line, owner: "U1", bucket: "FROZEN", amount: 5, memo: "m" })).rejects.toThrow(/one_waiting/);
    expect(await problem(proposeAdjustment(pool, { id: "o", name: "O", role: "LOAN_OFFICER" }, { lineId: line, owner: "U1", bucket: "FROZEN", amount: 5, memo: "m" }))).toBe("forbidden");
  });
});
