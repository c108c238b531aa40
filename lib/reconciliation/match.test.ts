import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import type { CheckFileType } from "./checkfile/columns";
import { readCheckFile } from "./files";
import { beijingDay, matchInto } from "./match";
import { iterateMatchedLines } from "./rederive";
import { runReconciliation } from "./run";
import { copyTheirs, createStageTable, type StagedFile, stageTableName } from "./stage";
import { insertOurRequests, storeFileFromValues } from "./test-helpers";

/**
 * The match against a model: random days of their lines (keys that repeat, detailNos that
 * repeat, mixed statuses) and our requests, classified by a few lines of TypeScript that say
 * the rules of match.ts plainly — one group per key, sums compared — and by the SQL, which
 * groups only the keys the parser marked as possibly repeated and collapses the matched keys.
 * The exceptions kept, the summary and the matched lines derived again must all agree.
 */
let db: TestDatabase;
let pool: pg.Pool;
const P = "P001";

beforeAll(async () => {
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

type Their = { key: number; detailNo: string; amount: number; fee: number; status: string };
type Ours = { key: number; amount: number; fee: number; status: "SUCCEEDED" | "FAILED" | "SENT" };
type Day = { recharge: Their[]; transaction: Their[]; oursRecharge: Ours[]; oursTransaction: Ours[]; tolerance: number };

const their = fc.record({
  key: fc.integer({ min: 0, max: 7 }),
  detailNo: fc.constantFrom("", "1", "2"),
  amount: fc.integer({ min: 0, max: 3 }),
  fee: fc.integer({ min: 0, max: 2 }),
  status: fc.constantFrom("SUCCESS", "SUCCESS", "FAIL", "INIT", "PROCESSING"),
});
const ours = fc.uniqueArray(
  fc.record({ key: fc.integer({ min: 0, max: 7 }), amount: fc.integer({ min: 1, max: 4 }), fee: fc.integer({ min: 0, max: 2 }), status: fc.constantFrom("SUCCEEDED" as const, "SUCCEEDED" as const, "FAILED" as const, "SENT" as const) }),
  { selector: (o) => o.key, maxLength: 8 },
);
/**
 * Keys 8–15: one line of theirs and our row, alike in every value — the exact matches that make
 * up nearly all of a real day (keys 0–7 rarely match by chance).
 */
const alike = fc
  .uniqueArray(
    fc.record({ key: fc.integer({ min: 8, max: 15 }), amount: fc.integer({ min: 1, max: 5 }), fee: fc.integer({ min: 0, max: 2 }), ok: fc.boolean() }),
    { selector: (a) => a.key, maxLength: 8 },
  )
  .map((as) => ({
    their: as.map((a): Their => ({ key: a.key, detailNo: "", amount: a.amount, fee: a.fee, status: a.ok ? "SUCCESS" : "FAIL" })),
    ours: as.map((a): Ours => ({ key: a.key, amount: a.amount, fee: a.fee, status: a.ok ? "SUCCEEDED" : "FAILED" })),
  }));
const day: fc.Arbitrary<Day> = fc
  .record({
    recharge: fc.array(their, { maxLength: 12 }),
    transaction: fc.array(their, { maxLength: 12 }),
    oursRecharge: ours,
    oursTransaction: ours,
    alikeRecharge: alike,
    alikeTransaction: alike,
    tolerance: fc.constantFrom(0, 1),
  })
  .chain((d) =>
    // The alike lines anywhere among the others.
    fc.record({
      recharge: fc.shuffledSubarray([...d.recharge, ...d.alikeRecharge.their], { minLength: d.recharge.length + d.alikeRecharge.their.length }),
      transaction: fc.shuffledSubarray([...d.transaction, ...d.alikeTransaction.their], { minLength: d.transaction.length + d.alikeTransaction.their.length }),
      oursRecharge: fc.constant([...d.oursRecharge, ...d.alikeRecharge.ours]),
      oursTransaction: fc.constant([...d.oursTransaction, ...d.alikeTransaction.ours]),
      tolerance: fc.constant(d.tolerance),
    }),
  );

type Expected = { kind: string | null; theirLines: number; ourRows: number; theirAmount: number | null; ourAmount: number | null };

/** The rules, one key at a time. */
function model(lines: Their[], ourRows: Ours[], prefix: string, tolerance: number): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const keys = new Set([...lines.map((l) => l.key), ...ourRows.map((o) => o.key)]);
  for (const key of keys) {
    const ls = lines.filter((l) => l.key === key);
    const o = ourRows.find((r) => r.key === key);
    const details = ls.map((l) => l.detailNo);
    const dup = new Set(details).size < details.length;
    const ta = ls.reduce((a, l) => a + l.amount, 0);
    const tf = ls.reduce((a, l) => a + l.fee, 0);
    const ts = ls.length === 0 ? null : ls.every((l) => l.status === ls[0]!.status) ? ls[0]!.status : "MIXED";
    const os = o ? (o.status === "SUCCEEDED" ? "SUCCESS" : o.status === "FAILED" ? "FAIL" : "PROCESSING") : null;
    let kind: string | null = null;
    if (dup) kind = "DUPLICATE";
    else if (!o) kind = "MISSING_OURS";
    else if (ls.length === 0) kind = "MISSING_THEIRS";
    else if ((ts === "INIT" ? "PROCESSING" : ts) !== os) kind = "STATUS_MISMATCH";
    else if (Math.abs(ta - o.amount) > tolerance) kind = "AMOUNT_MISMATCH";
    else if (Math.abs(tf - o.fee) > tolerance) kind = "FEE_MISMATCH";
    out.set(`${prefix}${key}`, { kind, theirLines: ls.length, ourRows: o ? 1 : 0, theirAmount: ls.length ? ta : null, ourAmount: o ? o.amount : null });
  }
  return out;
}

let runNo = 0;

/** Writes a random day: our requests, and their RECHARGE and TRANSACTION files stored; the rules' verdict per key. */
async function setUpDay(d: Day): Promise<{ fileDate: string; files: Record<string, string>; expected: Map<string, Expected> }> {
  runNo++;
  const fileDate = `2027${String(Math.floor(runNo / 28) + 1).padStart(2, "0")}${String((runNo % 28) + 1).padStart(2, "0")}`;
  const at = new Date(`${fileDate.slice(0, 4)}-${fileDate.slice(4, 6)}-${fileDate.slice(6, 8)}T02:00:00Z`);
  const rk = `R${runNo}-`;
  const tk = `T${runNo}-`;
  await insertOurRequests(pool, [
    ...d.oursRecharge.map((o) => ({ requestNo: `${rk}${o.key}`, serviceName: "RECHARGE", amount: o.amount, fee: o.fee, status: o.status, createdAt: at })),
    ...d.oursTransaction.map((o) => ({ requestNo: `${tk}${o.key}`, serviceName: "CONFIRM_LOAN", amount: o.amount, commission: o.fee, status: o.status, createdAt: at })),
  ]);
  const time = `${fileDate}100000`;
  const c = await pool.connect();
  let files: Record<string, string>;
  try {
    files = {
      RECHARGE: await storeFileFromValues(
        c,
        fileDate,
        "RECHARGE",
        d.recharge.map((l) => ({ platformNo: P, requestNo: `${rk}${l.key}`, platformUserNo: "U1", amount: l.amount, fee: l.fee, status: l.status, transactionTime: time })),
      ),
      TRANSACTION: await storeFileFromValues(
        c,
        fileDate,
        "TRANSACTION",
        d.transaction.map((l) => ({ platformNo: P, requestNo: `${tk}${l.key}`, detailNo: l.detailNo, tradeType: "CONFIRM_LOAN", amount: l.amount, commission: l.fee, status: l.status, transactionTime: time })),
      ),
    };
  } finally {
    c.release();
  }
  // RECHARGE lines have no detailNo: two lines of one key there are a duplicate.
  const expected = new Map<string, Expected>([
    ...[...model(d.recharge.map((l) => ({ ...l, detailNo: "" })), d.oursRecharge, rk, d.tolerance)].map(([k, v]) => [`RECHARGE:${k}`, v] as const),
    ...[...model(d.transaction, d.oursTransaction, tk, d.tolerance)].map(([k, v]) => [`TRANSACTION:${k}`, v] as const),
  ]);
  return { fileDate, files, expected };
}

describe("the match agrees with the rules stated plainly", () => {
  it("on random days: exceptions, summary and matched lines", async () => {
    await fc.assert(
      fc.asyncProperty(day, async (d) => {
        const { fileDate, files, expected } = await setUpDay(d);
        const r = await runReconciliation(pool, { fileDate, platformNo: P, files, toleranceFen: d.tolerance });
        if (r.outcome !== "matched") throw new Error(`not matched: ${JSON.stringify(r)}`);
        const got = new Map<string, Expected>();
        const { rows } = await pool.query<{ file_type: string; match_key: string; kind: string; their_lines: number; our_rows: number; their_amount: string | null; our_amount: string | null }>(
          "SELECT file_type, match_key, kind, their_lines, our_rows, their_amount::text, our_amount::text FROM recon_lines WHERE run_id = $1",
          [r.runId],
        );
        const num = (v: string | null) => (v === null ? null : Number(v));
        for (const x of rows) {
          got.set(`${x.file_type}:${x.match_key}`, { kind: x.kind, theirLines: x.their_lines, ourRows: x.our_rows, theirAmount: num(x.their_amount), ourAmount: num(x.our_amount) });
        }
        for await (const m of iterateMatchedLines(pool, { runId: r.runId, platformNo: () => P })) {
          const key = `${m.fileType}:${m.matchKey}`;
          expect(got.has(key)).toBe(false);
          got.set(key, { kind: null, theirLines: m.theirLines, ourRows: m.ourRows, theirAmount: num(m.theirAmount), ourAmount: num(m.ourAmount) });
        }
        expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...expected].sort()));

        // The summary: keys and amounts per type and outcome, matched included.
        const summary = new Map<string, { count: number; theirAmount: number; ourAmount: number }>();
        for (const [key, e] of expected) {
          const k = `${key.split(":")[0]}:${e.kind ?? "MATCHED"}`;
          const s = summary.get(k) ?? { count: 0, theirAmount: 0, ourAmount: 0 };
          summary.set(k, { count: s.count + 1, theirAmount: s.theirAmount + (e.theirAmount ?? 0), ourAmount: s.ourAmount + (e.ourAmount ?? 0) });
        }
        const gotSummary = Object.fromEntries(r.summary.map((s) => [`${s.fileType}:${s.outcome}`, { count: s.count, theirAmount: Number(s.theirAmount), ourAmount: Number(s.ourAmount) }]));
        expect(gotSummary).toEqual(Object.fromEntries(summary));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
  it("reads from the staged rows what staging did not count (sums, repeated keys), with the same result", async () => {
    await fc.assert(
      fc.asyncProperty(day, async (d) => {
        const { fileDate, files } = await setUpDay(d);
        const types = Object.keys(files) as CheckFileType[];
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          const { rows } = await c.query<{ id: string }>(
            "INSERT INTO recon_runs (file_date, status, tolerance_fen) VALUES (to_date($1, 'YYYYMMDD'), 'RUNNING', $2) RETURNING id::text",
            [fileDate, d.tolerance],
          );
          const runId = rows[0]!.id;
          const stage = stageTableName(runId);
          await createStageTable(c, stage);
          const staged: Partial<Record<CheckFileType, StagedFile>> = {};
          for (const fileType of types) {
            const reader = await pool.connect();
            try {
              staged[fileType] = await copyTheirs(c, stage, { fileType, fileDate, platformNo: P, source: readCheckFile(reader, files[fileType]!) });
            } finally {
              reader.release();
            }
            expect(staged[fileType]!.sums).not.toBeNull();
            expect(staged[fileType]!.repeatedKeys).not.toBeNull();
          }
          await c.query(`ANALYZE ${stage}`);
          const outcome = async (withStaged: boolean) => {
            await c.query("SAVEPOINT m");
            const summary = await matchInto(c, { runId, stage, toleranceFen: d.tolerance, types, day: beijingDay(fileDate), staged: withStaged ? staged : undefined });
            const lines = await c.query(
              "SELECT file_type, match_key, kind, their_lines, our_rows, their_amount::text, our_amount::text, their_fee::text, our_fee::text FROM recon_lines WHERE run_id = $1 ORDER BY 1, 2",
              [runId],
            );
            await c.query("ROLLBACK TO SAVEPOINT m");
            return { summary, lines: lines.rows };
          };
          expect(await outcome(false)).toEqual(await outcome(true));
        } finally {
          await c.query("ROLLBACK");
          c.release();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
