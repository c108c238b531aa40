import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { storeCheckFile } from "./files";
import { iterateMatchedLines } from "./rederive";
import { runReconciliation } from "./run";
import { insertOurRequests, storeFileFromValues } from "./test-helpers";

/**
 * The run against a database of its own (a day's reconciliation reads every request of the day,
 * so other test files' rows must not be in it).
 */
let db: TestDatabase;
let pool: pg.Pool;
const P = "P001";
const at = new Date("2026-11-30T02:00:00Z"); // 10:00 Beijing, on 20261130
const rc = (requestNo: string, amount: number, fee: number, status = "SUCCESS", extra: Record<string, string | number> = {}) => ({
  platformNo: P,
  requestNo,
  platformUserNo: "U1",
  amount,
  fee,
  status,
  transactionTime: "20261130100000",
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function linesOf(runId: string) {
  const { rows } = await pool.query<{ file_type: string; match_key: string; kind: string | null; their_lines: number; our_rows: number; state: string | null; their_status: string | null; our_status: string | null }>(
    "SELECT file_type, match_key, kind, their_lines, our_rows, state, their_status, our_status FROM recon_lines WHERE run_id = $1 ORDER BY file_type, match_key",
    [runId],
  );
  // The run keeps its exceptions; its matched lines are derived again from the kept files.
  for await (const m of iterateMatchedLines(pool, { runId, platformNo: () => P })) {
    rows.push({ file_type: m.fileType, match_key: m.matchKey, kind: null, their_lines: m.theirLines, our_rows: m.ourRows, state: null, their_status: m.theirStatus, our_status: m.ourStatus });
  }
  return Object.fromEntries(rows.map((r) => [`${r.file_type}:${r.match_key}`, r]));
}

async function postLedger(owner: string, bucket: "AVAILABLE" | "FROZEN", amount: number, confirmedAt: Date, opKey: string) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO ledger_accounts (id, owner, bucket) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [`${bucket}:${owner}`, owner, bucket]);
    const t = await client.query<{ id: string }>("INSERT INTO ledger_transactions (op_key, operation, confirmed_at) VALUES ($1, 'TEST', $2) RETURNING id", [opKey, confirmedAt]);
    await client.query("INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES ($1, 'EXTERNAL_BANK', $2), ($1, $3, $4)", [t.rows[0]!.id, -amount, `${bucket}:${owner}`, amount]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

describe("reconciliation run", () => {
  it("types every discrepancy, matches one-to-one and one-to-many, and honours the tolerance", async () => {
    await insertOurRequests(pool, [
      { requestNo: "R1", serviceName: "RECHARGE", amount: 10000, fee: 10, platformUserNo: "U1", createdAt: at },
      { requestNo: "R2", serviceName: "RECHARGE", amount: 20000, fee: 0, platformUserNo: "U1", createdAt: at },
      { requestNo: "R3", serviceName: "RECHARGE", amount: 30000, fee: 5, platformUserNo: "U1", createdAt: at },
      { requestNo: "R4", serviceName: "RECHARGE", amount: 40000, status: "FAILED", platformUserNo: "U1", createdAt: at },
      { requestNo: "R6", serviceName: "RECHARGE", amount: 60000, platformUserNo: "U1", createdAt: at },
      { requestNo: "R7", serviceName: "RECHARGE", amount: 70000, platformUserNo: "U1", createdAt: at },
      // Confirmed the day before: not part of this day.
      { requestNo: "R0", serviceName: "RECHARGE", amount: 1, platformUserNo: "U1", createdAt: new Date("2026-11-29T15:59:59Z") },
      { requestNo: "C1", serviceName: "CONFIRM_REPAYMENT", amount: 30000, commission: 100, createdAt: at },
      { requestNo: "W1", serviceName: "WITHDRAW", amount: 500, fee: 200, status: "SENT", createdAt: at },
    ]);
    await postLedger("U1", "AVAILABLE", 100000, at, "t1");
    await postLedger("U2", "AVAILABLE", 5000, at, "t2");
    await postLedger("U2", "FROZEN", 700, at, "t3");
    await postLedger("U1", "AVAILABLE", 999, new Date("2026-11-30T16:00:00Z"), "t4"); // after the cut-off
    const c = await pool.connect();
    let files: Record<string, string>;
    try {
      files = {
        RECHARGE: await storeFileFromValues(c, "20261130", "RECHARGE", [
          rc("R1", 10000, 10),
          rc("R2", 20001, 0),
          rc("R3", 30000, 6),
          rc("R4", 40000, 0),
          rc("R5", 50000, 0),
          rc("R7", 70000, 0),
          rc("R7", 70000, 0),
        ]),
        TRANSACTION: await storeFileFromValues(c, "20261130", "TRANSACTION", [
          { platformNo: P, requestNo: "C1", detailNo: "1", tradeType: "CONFIRM_REPAYMENT", amount: 10000, commission: 100, status: "SUCCESS", transactionTime: "20261130100000" },
          { platformNo: P, requestNo: "C1", detailNo: "2", tradeType: "CONFIRM_REPAYMENT", amount: 20000, status: "SUCCESS", transactionTime: "20261130100000" },
        ]),
        WITHDRAW: await storeFileFromValues(c, "20261130", "WITHDRAW", [
          { platformNo: P, requestNo: "W1", platformUserNo: "U3", amount: 500, fee: 200, status: "INIT", transactionTime: "20261130100000" },
        ]),
        BALANCE: await storeFileFromValues(c, "20261130", "BALANCE", [
          { platformNo: P, platformUserNo: "U1", balance: 100000, availableAmount: 100000, freezeAmount: 0 },
          { platformNo: P, platformUserNo: "U2", balance: 5800, availableAmount: 5000, freezeAmount: 800 },
          { platformNo: P, platformUserNo: "U9", balance: 0, availableAmount: 0, freezeAmount: 0 },
        ]),
      };
    } finally {
      c.release();
    }

    const r = await runReconciliation(pool, { fileDate: "20261130", platformNo: P, files });
    expect(r.outcome).toBe("matched");
    if (r.outcome !== "matched") return;
    const l = await linesOf(r.runId);
    expect(l["RECHARGE:R1"]).toMatchObject({ kind: null, their_lines: 1, our_rows: 1, state: null });
    expect(l["RECHARGE:R2"]!.kind).toBe("AMOUNT_MISMATCH");
    expect(l["RECHARGE:R3"]!.kind).toBe("FEE_MISMATCH");
    expect(l["RECHARGE:R4"]!.kind).toBe("STATUS_MISMATCH");
    expect(l["RECHARGE:R5"]).toMatchObject({ kind: "MISSING_OURS", our_rows: 0, state: "OPEN", their_status: "SUCCESS", our_status: null });
    expect(l["RECHARGE:R6"]).toMatchObject({ kind: "MISSING_THEIRS", their_lines: 0 });
    expect(l["RECHARGE:R7"]).toMatchObject({ kind: "DUPLICATE", their_lines: 2 });
    expect(l["RECHARGE:R0"]).toBeUndefined();
    expect(l["TRANSACTION:C1"]).toMatchObject({ kind: null, their_lines: 2, our_rows: 1 });
    expect(l["WITHDRAW:W1"]!.kind).toBeNull(); // INIT there, in flight here
    expect(l["BALANCE:U1"]!.kind).toBeNull(); // the posting after the cut-off does not count
    expect(l["BALANCE:U2"]!.kind).toBe("AMOUNT_MISMATCH");
    expect(l["BALANCE:U9"]!.kind).toBeNull();
    // BALANCE amounts are the available balances: U1 exactly alike, U9 at zero with no account here.
    expect(r.summary.find((s) => s.fileType === "BALANCE" && s.outcome === "MATCHED")).toEqual({
      fileType: "BALANCE",
      outcome: "MATCHED",
      count: 2,
      theirAmount: "100000",
      ourAmount: "100000",
    });
    expect(r.summary.find((s) => s.fileType === "RECHARGE" && s.outcome === "MATCHED")).toMatchObject({ count: 1, theirAmount: "10000", ourAmount: "10000" });
    const run = await pool.query("SELECT status, summary FROM recon_runs WHERE id = $1", [r.runId]);
    expect(run.rows[0].status).toBe("MATCHED");
    expect(run.rows[0].summary.lines).toEqual({ RECHARGE: 7, TRANSACTION: 2, WITHDRAW: 1, BALANCE: 3 });

    // One fen of tolerance absorbs R2's and R3's differences; a dry run writes nothing.
    const before = await pool.query("SELECT count(*)::int AS n FROM recon_runs");
    const dry = await runReconciliation(pool, { fileDate: "20261130", platformNo: P, files, toleranceFen: 1, dryRun: true });
    expect(dry.outcome).toBe("matched");
    if (dry.outcome !== "matched") return;
    const outcome = (ft: string, o: string) => dry.summary.find((s) => s.fileType === ft && s.outcome === o)?.count ?? 0;
    expect(outcome("RECHARGE", "AMOUNT_MISMATCH")).toBe(0);
    expect(outcome("RECHARGE", "FEE_MISMATCH")).toBe(0);
    expect(outcome("RECHARGE", "MATCHED")).toBe(3);
    expect((await pool.query("SELECT count(*)::int AS n FROM recon_runs")).rows[0].n).toBe(before.rows[0].n);
    expect((await pool.query("SELECT count(*)::int AS n FROM recon_lines WHERE run_id = $1", [dry.runId])).rows[0].n).toBe(0);
  });

  it("fails a run on a bad line, naming it, with nothing of it applied", async () => {
    const c = await pool.connect();
    let fileId: string;
    try {
      fileId = await storeFileFromValues(c, "20261201", "RECHARGE", [
        { ...rc("X1", 100, 0), transactionTime: "20261201100000" },
        { ...rc("X2", 100, 0), transactionTime: "20261202100000" },
      ]);
    } finally {
      c.release();
    }
    const r = await runReconciliation(pool, { fileDate: "20261201", platformNo: P, files: { RECHARGE: fileId } });
    expect(r.outcome).toBe("failed");
    if (r.outcome !== "failed") return;
    expect(r.error).toMatchObject({ problem: "wrong_date", line: 3 });
    const run = await pool.query("SELECT status, error_problem, error_line, error_file_type FROM recon_runs WHERE id = $1", [r.runId]);
    expect(run.rows[0]).toEqual({ status: "FAILED", error_problem: "wrong_date", error_line: 3, error_file_type: "RECHARGE" });
    expect((await pool.query("SELECT count(*)::int AS n FROM recon_lines WHERE run_id = $1", [r.runId])).rows[0].n).toBe(0);
    expect((await pool.query("SELECT count(*)::int AS n FROM recon_run_files WHERE run_id = $1", [r.runId])).rows[0].n).toBe(0);
  });

  it("fails on another platform's file and on a missing column", async () => {
    const c = await pool.connect();
    try {
      const other = await storeFileFromValues(c, "20261202", "RECHARGE", [{ ...rc("Y1", 1, 0), platformNo: "P999", transactionTime: "20261202000000" }]);
      const r1 = await runReconciliation(pool, { fileDate: "20261202", platformNo: P, files: { RECHARGE: other } });
      expect(r1.outcome === "failed" && r1.error.problem).toBe("other_platform");
      const noFee = (await storeCheckFile(c, { fileDate: "20261202", fileType: "RECHARGE", source: [Buffer.from("platformNo|requestNo|platformUserNo|amount|status|transactionTime\n")] })).fileId;
      const r2 = await runReconciliation(pool, { fileDate: "20261202", platformNo: P, files: { RECHARGE: noFee } });
      expect(r2.outcome === "failed" && [r2.error.problem, r2.error.column]).toEqual(["missing_column", "fee"]);
    } finally {
      c.release();
    }
  });

  it("a second start for the same day waits for the first and reuses its run", async () => {
    const c = await pool.connect();
    let fileId: string;
    try {
      const rows = Array.from({ length: 20000 }, (_, i) => ({ ...rc(`Z${i}`, 100, 0), transactionTime: "20261203100000" }));
      fileId = await storeFileFromValues(c, "20261203", "RECHARGE", rows);
    } finally {
      c.release();
    }
    const input = { fileDate: "20261203", platformNo: P, files: { RECHARGE: fileId } };
    const [a, b] = await Promise.all([runReconciliation(pool, input), runReconciliation(pool, input)]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(["matched", "reused"]);
    expect(a.outcome === "matched" || a.outcome === "reused" ? a.runId : null).toBe(b.outcome === "matched" || b.outcome === "reused" ? b.runId : "x");
    expect((await pool.query("SELECT count(*)::int AS n FROM recon_runs WHERE file_date = '2026-12-03'")).rows[0].n).toBe(1);
  });

  it("the database refuses two RUNNING runs of one day, and a dead runner's RUNNING row is failed by the next", async () => {
    await pool.query("INSERT INTO recon_runs (file_date, status) VALUES ('2026-12-04', 'RUNNING')");
    await expect(pool.query("INSERT INTO recon_runs (file_date, status) VALUES ('2026-12-04', 'RUNNING')")).rejects.toThrow(/recon_runs_one_running_per_day/);
    const c = await pool.connect();
    const fileId = await storeFileFromValues(c, "20261204", "UNREGISTER", []);
    c.release();
    const r = await runReconciliation(pool, { fileDate: "20261204", platformNo: P, files: { UNREGISTER: fileId } });
    expect(r.outcome).toBe("matched");
    const rows = await pool.query("SELECT status, error_problem FROM recon_runs WHERE file_date = '2026-12-04' ORDER BY id");
    expect(rows.rows).toEqual([
      { status: "FAILED", error_problem: "interrupted" },
      { status: "MATCHED", error_problem: null },
    ]);
  });

  it("keeps a file once per content: the same bytes again are recognised", async () => {
    const c = await pool.connect();
    try {
      const bytes = Buffer.from("platformNo|requestNo|platformUserNo|transactionTime\nP001|U|U1|20261205000000\n");
      const a = await storeCheckFile(c, { fileDate: "20261205", fileType: "UNREGISTER", source: [bytes.subarray(0, 10), bytes.subarray(10)] });
      const b = await storeCheckFile(c, { fileDate: "20261205", fileType: "UNREGISTER", source: [bytes] });
      expect(a.reused).toBe(false);
      expect(b).toEqual({ ...a, reused: true });
      const other = await storeCheckFile(c, { fileDate: "20261205", fileType: "UNREGISTER", source: [Buffer.concat([bytes, bytes.subarray(51)])] });
      expect(other.reused).toBe(false);
      expect(other.fileId).not.toBe(a.fileId);
    } finally {
      c.release();
    }
  });
});
