import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createDb, type Db } from "@/lib/db";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { CHECK_FILE_TYPES } from "./checkfile/columns";
import { listRunLines, type ReconLineRow } from "./lines";
import { reconLineList, toReconLineFilters } from "./list-params";
import { runReconciliation } from "./run";
import { insertOurRequests, storeFileFromValues } from "./test-helpers";

/**
 * The run page's list of lines against a database of its own (a run reads every request of
 * its day): the exceptions by keyset with each filter, and the matched lines derived from the
 * run's kept files, paged both ways in file order; older runs' stored matched lines as stored.
 */
let tdb: TestDatabase;
let pool: pg.Pool;
let db: Db;
let runId: string;
const P = "P001";
const at = new Date("2026-11-30T02:00:00Z"); // 10:00 Beijing, on 20261130
const finance: SessionUser = { id: "u-fin", username: "fin", displayName: "Fin", role: "FINANCE" };
const deps = () => ({ pool: () => pool, platformNo: () => P });
const line = (requestNo: string, amount: number) => ({ platformNo: P, requestNo, platformUserNo: "U1", amount, fee: 0, status: "SUCCESS", transactionTime: "20261130100000" });
const list = (q: Record<string, string>, over: Partial<{ cursor: string | null; perPage: number }> = {}) => {
  const p = reconLineList.loadSearchParams(q);
  return listRunLines(db, finance, runId, toReconLineFilters(p), { cursor: p.cursor, perPage: p.perPage, sort: p.sort, ...over }, deps());
};

beforeAll(async () => {
  tdb = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: tdb.url, max: 6 });
  db = createDb(tdb.url);
  // 40 recharges of ours; their file: R1..R40 with R2 and R3 different amounts, R41..R43 only theirs; 5 withdrawals all agreeing.
  const ours = Array.from({ length: 40 }, (_, i) => ({ requestNo: `R${i + 1}`, serviceName: "RECHARGE", amount: 100 * (i + 1), fee: 0, platformUserNo: "U1", createdAt: at }));
  const withdrawals = Array.from({ length: 5 }, (_, i) => ({ requestNo: `W${i + 1}`, serviceName: "WITHDRAW", amount: 50 * (i + 1), fee: 0, platformUserNo: "U1", createdAt: at }));
  await insertOurRequests(pool, [...ours, ...withdrawals]);
  const c = await pool.connect();
  const files: Record<string, string> = {};
  try {
    for (const t of CHECK_FILE_TYPES) files[t] = await storeFileFromValues(c, "20261130", t, []);
    const theirs = [...ours.map((o) => line(o.requestNo, o.requestNo === "R2" || o.requestNo === "R3" ? o.amount + 1 : o.amount)), line("R41", 1), line("R42", 2), line("R43", 3)];
    // Scrambled: the list orders matched lines by their line in the file, not by key.
    files.RECHARGE = await storeFileFromValues(c, "20261130", "RECHARGE", [...theirs.slice(20), ...theirs.slice(0, 20)]);
    files.WITHDRAW = await storeFileFromValues(c, "20261130", "WITHDRAW", withdrawals.map((w) => ({ ...line(w.requestNo, w.amount), feeMode: "PLATFORM" })));
  } finally {
    c.release();
  }
  const r = await runReconciliation(pool, { fileDate: "20261130", platformNo: P, files });
  if (r.outcome !== "matched") throw new Error(JSON.stringify(r));
  runId = r.runId;
});
afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  await tdb?.drop();
});

async function walk(q: Record<string, string>, perPage: number) {
  const pages: ReconLineRow[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await list(q, { cursor, perPage });
    pages.push(page.rows);
    if (!page.next) break;
    cursor = page.next;
  }
  return pages;
}

describe("a run's lines list", () => {
  it("lists every exception by default, each filter narrowing it, with the capped count", async () => {
    const all = await list({});
    expect(all.derived).toBe(false);
    expect(all.total).toEqual({ value: 5, capped: false });
    expect(all.rows.map((r) => `${r.kind}:${r.matchKey}`).sort()).toEqual(["AMOUNT_MISMATCH:R2", "AMOUNT_MISMATCH:R3", "MISSING_OURS:R41", "MISSING_OURS:R42", "MISSING_OURS:R43"]);
    expect((await list({ kind: "AMOUNT_MISMATCH" })).rows.map((r) => r.matchKey).sort()).toEqual(["R2", "R3"]);
    expect((await list({ type: "WITHDRAW" })).total.value).toBe(0);
    expect((await list({ type: "RECHARGE", state: "OPEN" })).total.value).toBe(5);
    await pool.query("UPDATE recon_lines SET state = 'RESOLVED', resolution = 'EXPLAINED', note = 'n' WHERE run_id = $1 AND match_key = 'R41'", [runId]);
    expect((await list({ state: "RESOLVED" })).rows.map((r) => [r.matchKey, r.note])).toEqual([["R41", "n"]]);
    expect((await list({ state: "OPEN" })).total.value).toBe(4);
    // Values the list cannot apply are not applied (the page names them).
    expect((await list({ kind: "BOGUS" })).total.value).toBe(5);
  });

  it("pages exceptions by keyset both ways, in either direction of the sort", async () => {
    const pages = await walk({}, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const ids = pages.flat().map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const second = await list({}, { perPage: 2, cursor: (await list({}, { perPage: 2 })).next });
    const third = await list({}, { perPage: 2, cursor: second.next });
    expect((await list({}, { perPage: 2, cursor: third.prev })).rows).toEqual(second.rows);
    const desc = (await walk({ sort: "line.desc" }, 2)).flat().map((r) => Number(r.id));
    expect(desc).toEqual([...ids].reverse());
    expect((await list({}, { cursor: "n.garbage" })).rows).toHaveLength(5);
  });

  it("derives the matched lines of a run that stores only exceptions, in file order, paged both ways", async () => {
    const first = await list({ kind: "MATCHED" }, { perPage: 10 });
    expect(first.derived).toBe(true);
    expect(first.total).toEqual({ value: 43, capped: false }); // 38 recharges + 5 withdrawals, from the summary
    const pages = await walk({ kind: "MATCHED" }, 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 3]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(43);
    expect(rows.every((r) => r.kind === null && r.theirAmount === r.ourAmount)).toBe(true);
    // RECHARGE before WITHDRAW (the file types' order), each by its line in the file.
    expect(rows.slice(0, 38).every((r) => r.fileType === "RECHARGE")).toBe(true);
    const lines = rows.slice(0, 38).map((r) => r.firstLine!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(rows[0]!.matchKey).toBe("R21"); // the file starts at R21
    const second = await list({ kind: "MATCHED" }, { perPage: 10, cursor: first.next });
    const third = await list({ kind: "MATCHED" }, { perPage: 10, cursor: second.next });
    expect((await list({ kind: "MATCHED" }, { perPage: 10, cursor: third.prev })).rows).toEqual(second.rows);
    expect((await list({ kind: "MATCHED" }, { perPage: 10, cursor: second.prev })).prev).toBeNull();
    expect((await list({ kind: "MATCHED", type: "WITHDRAW" })).rows.map((r) => r.matchKey)).toEqual(["W1", "W2", "W3", "W4", "W5"]);
    expect((await list({ kind: "MATCHED", state: "OPEN" })).rows).toEqual([]);
  });

  it("lists an older run's stored matched lines as stored, and refuses other roles", async () => {
    const old = await pool.query<{ id: string }>("INSERT INTO recon_runs (file_date, status) VALUES ('2026-10-01', 'MATCHED') RETURNING id::text");
    await pool.query("INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows) VALUES ($1, 'USER', 'U1', NULL, 1, 1), ($1, 'USER', 'U2', NULL, 1, 1)", [old.rows[0]!.id]);
    const page = await listRunLines(db, finance, old.rows[0]!.id, { kind: "MATCHED" }, { cursor: null, perPage: 20, sort: { field: "line", dir: "asc" } }, deps());
    expect(page).toMatchObject({ derived: false, total: { value: 2, capped: false } });
    expect(page.rows.map((r) => r.matchKey)).toEqual(["U1", "U2"]);
    const officer: SessionUser = { ...finance, role: "LOAN_OFFICER" };
    await expect(listRunLines(db, officer, runId, {}, { cursor: null, perPage: 20, sort: { field: "line", dir: "asc" } }, deps())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
