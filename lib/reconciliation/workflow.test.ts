import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { generateSyntheticIdNumber } from "@/lib/pii/id-card";
import { closeDay, explainException, reopenDay, ReconWorkflowError } from "./workflow";

let db: TestDatabase;
let pool: pg.Pool;
const finance = { id: "u-fin", name: "Fin One", role: "FINANCE" as const };
const admin = { id: "u-adm", name: "Admin", role: "ADMIN" as const };
const officer = { id: "u-off", name: "Officer", role: "LOAN_OFFICER" as const };

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function runWithLines(day: string, kinds: (string | null)[]): Promise<{ runId: string; lineIds: string[] }> {
  const run = await pool.query<{ id: string }>(`INSERT INTO recon_runs (file_date, status) VALUES ($1, 'MATCHED') RETURNING id::text`, [day]);
  const runId = run.rows[0]!.id;
  const lineIds: string[] = [];
  for (const [i, kind] of kinds.entries()) {
    const l = await pool.query<{ id: string }>(
      `INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, state) VALUES ($1, 'RECHARGE', $2, $3, 1, 1, $4) RETURNING id::text`,
      [runId, `K${i}`, kind, kind ? "OPEN" : null],
    );
    lineIds.push(l.rows[0]!.id);
  }
  return { runId, lineIds };
}

const problem = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof ReconWorkflowError ? e.problem : String(e)));
const auditCount = async (action: string, id: string) =>
  (await pool.query("SELECT count(*)::int AS n FROM audit_logs WHERE action = $1 AND target_id = $2", [action, id])).rows[0].n as number;

describe("reconciliation workflow", () => {
  it("audits through the audit log's one door: personal data in a note is masked there too", async () => {
    const { lineIds } = await runWithLines("2026-10-15", ["AMOUNT_MISMATCH"]);
    let seed = 7;
    const id = generateSyntheticIdNumber(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31));
    await explainException(pool, finance, lineIds[0]!, `customer ${id} paid twice`);
    const row = (await pool.query("SELECT detail FROM audit_logs WHERE action = 'reconciliation.explain' AND target_id = $1", [lineIds[0]])).rows[0] as { detail: string };
    expect(row.detail).not.toContain(id);
    expect(row.detail).toContain("paid twice");
  });


  it("closing waits for every exception to be explained, then sends once and is audited", async () => {
    const { runId, lineIds } = await runWithLines("2026-11-01", [null, "AMOUNT_MISMATCH", "DUPLICATE"]);
    let sends = 0;
    const send = async () => void sends++;
    expect(await problem(closeDay(pool, finance, runId, { mode: "CONFIRM", send }))).toBe("open_exceptions");
    expect(await problem(explainException(pool, finance, lineIds[1]!, "  "))).toBe("note_required");
    expect(await problem(explainException(pool, officer, lineIds[1]!, "x"))).toBe("forbidden");
    expect(await problem(explainException(pool, finance, lineIds[0]!, "matched line"))).toBe("not_open");
    await explainException(pool, finance, lineIds[1]!, "bank fee rounding, confirmed with 联银通");
    await explainException(pool, finance, lineIds[2]!, "their file repeated the line");
    expect(await auditCount("reconciliation.explain", lineIds[1]!)).toBe(1);
    expect(sends).toBe(0);
    expect(await closeDay(pool, finance, runId, { mode: "CONFIRM", send })).toEqual({ closeMode: "CONFIRM", sent: true });
    expect(sends).toBe(1);
    expect(await problem(closeDay(pool, finance, runId, { mode: "CONFIRM", send }))).toBe("not_matched");
    expect(await auditCount("reconciliation.close", runId)).toBe(1);
  });

  it("a failed closing call leaves the day open", async () => {
    const { runId } = await runWithLines("2026-11-02", [null]);
    const failing = async () => {
      throw new Error("联银通 unreachable");
    };
    await expect(closeDay(pool, finance, runId, { mode: "UPLOAD", send: failing })).rejects.toThrow(/unreachable/);
    expect((await pool.query("SELECT status FROM recon_runs WHERE id = $1", [runId])).rows[0].status).toBe("MATCHED");
  });

  it("only an admin overrides open exceptions, with a reason, audited with whether the call was sent", async () => {
    const { runId } = await runWithLines("2026-11-03", ["MISSING_OURS"]);
    let sends = 0;
    const send = async () => void sends++;
    expect(await problem(closeDay(pool, finance, runId, { mode: "CONFIRM", send, override: { reason: "x", send: false } }))).toBe("forbidden");
    expect(await problem(closeDay(pool, admin, runId, { mode: "CONFIRM", send, override: { reason: " ", send: false } }))).toBe("reason_required");
    expect(await closeDay(pool, admin, runId, { mode: "CONFIRM", send, override: { reason: "bank confirmed by phone", send: false } })).toEqual({ closeMode: "OVERRIDE", sent: false });
    expect(sends).toBe(0);
    const a = await pool.query("SELECT after, detail FROM audit_logs WHERE action = 'reconciliation.closeOverride' AND target_id = $1", [runId]);
    expect(a.rows[0]).toMatchObject({ after: { status: "CLOSED", closeMode: "OVERRIDE", sent: false }, detail: "bank confirmed by phone" });
  });

  it("a closed day reopens (audited) and can close again; an older run of the day cannot close", async () => {
    const { runId } = await runWithLines("2026-11-04", [null]);
    await closeDay(pool, finance, runId, { mode: "CONFIRM", send: async () => undefined });
    expect(await problem(reopenDay(pool, finance, runId, ""))).toBe("reason_required");
    await reopenDay(pool, finance, runId, "联银通 sent the day back (phase two)");
    expect(await auditCount("reconciliation.reopen", runId)).toBe(1);
    expect(await problem(reopenDay(pool, finance, runId, "again"))).toBe("not_closed");
    const later = await runWithLines("2026-11-04", [null]);
    expect(await problem(closeDay(pool, finance, runId, { mode: "CONFIRM", send: async () => undefined }))).toBe("superseded");
    expect((await closeDay(pool, finance, later.runId, { mode: "CONFIRM", send: async () => undefined })).sent).toBe(true);
  });
});
