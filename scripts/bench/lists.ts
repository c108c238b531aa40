/**
 * Benchmark (not a test): every list, the home page and each export at production scale.
 *
 *   npm run bench:lists -- [--scale 1] [--runs 40] [--only pretrial] [--explain]
 *
 * A throwaway embedded PostgreSQL is migrated and filled in SQL with 1,000,000 pretrial orders,
 * 860,000 risk scores, 1,000,000 inbox events and 500,000 audit rows (× --scale), then
 * VACUUM ANALYZE. For each case it prints the p95 of our query function through Prisma, the p95
 * of the same statements through `pg` and their ratio; exports compare with a bare keyset walk.
 * The last line is JSON. PostgreSQL is stopped and deleted at the end, also on error or Ctrl-C.
 * `--explain` also prints each statement's EXPLAIN ANALYZE scan lines, to check index use.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { fillBenchData, fillSizes } from "./lists-fill";
import { printTable, replayer, type ResultRow, type Statement, timePair } from "./lib-measure";
import { startBenchDatabase, type BenchDatabase } from "./lib-setup";

const POOL_MAX = 10; // what lib/db.ts gives Prisma

function readOptions() {
  const { values } = parseArgs({ options: { scale: { type: "string" }, runs: { type: "string" }, only: { type: "string" }, explain: { type: "boolean" } }, strict: true });
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  const runs = values.runs === undefined ? 40 : Number(values.runs);
  if (!(scale > 0 && scale <= 2)) throw new Error(`--scale must be in (0, 2], got "${values.scale}"`);
  if (!Number.isInteger(runs) || runs < 3 || runs > 1000) throw new Error(`--runs must be an integer from 3 to 1000, got "${values.runs}"`);
  return { scale, runs, only: values.only, explain: values.explain ?? false };
}

async function main() {
  const opts = readOptions();
  let database: BenchDatabase | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  const shutdown = async () => {
    for (const close of closers.reverse()) await close().catch((err: unknown) => console.error(`cleanup: ${String(err)}`));
    await database?.teardown();
  };
  process.once("SIGINT", () => void shutdown().then(() => process.exit(130)));
  try {
    console.log("Starting a throwaway PostgreSQL and applying migrations…");
    database = await startBenchDatabase();
    const sizes = fillSizes(opts.scale);
    console.log("Filling (SQL, synthetic rows)…");
    const fillClient = new pg.Client({ connectionString: database.url });
    fillClient.on("error", () => undefined);
    await fillClient.connect();
    await fillBenchData(fillClient, sizes, console.log);
    await fillClient.end();

    // Console modules read the environment on first use, so they are imported only now.
    const { createDb } = await import("@/lib/db");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const { buildCases } = await import("./lists-cases");
    const db = createDb(database.url);
    closers.push(() => db.$disconnect());
    // A second client that logs its statements, used once per case to learn what SQL it sends.
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: POOL_MAX }), log: [{ emit: "event", level: "query" }] });
    closers.push(() => logging.$disconnect());
    let captured: Statement[] = [];
    logging.$on("query", (e) => {
      const end = performance.now();
      captured.push({ sql: e.query, params: JSON.parse(e.params || "[]") as unknown[], start: end - e.duration, end });
    });
    const pool = new pg.Pool({ connectionString: database.url, max: POOL_MAX });
    pool.on("error", () => undefined);
    closers.push(() => pool.end());

    const cases = (await buildCases(pool)).filter((c) => !opts.only || c.name.includes(opts.only));
    const loadAvg1m = Number(os.loadavg()[0].toFixed(2));
    const results: ResultRow[] = [];
    for (const c of cases) {
      const isExport = Boolean(c.floor);
      const runs = isExport ? 3 : opts.runs;
      const warmup = isExport ? 1 : 3;
      let raw: () => Promise<unknown>;
      if (c.floor) {
        const floor = c.floor;
        raw = () => floor(pool);
      } else {
        captured = [];
        await c.run(logging);
        raw = replayer(pool, captured);
        if (opts.explain) await explain(pool, c.name, captured);
      }
      // Alternating run by run, so both see the same machine load.
      const [ours, bare] = await timePair(() => c.run(db), raw, runs, warmup);
      const row = { name: c.name, p95Ms: round(ours.p95), rawP95Ms: round(bare.p95), ratio: round(ours.p95 / bare.p95, 2) };
      results.push(row);
      console.log(`  ${row.name}: ${row.p95Ms} ms (raw ${row.rawP95Ms} ms, ×${row.ratio})`);
    }
    console.log("");
    printTable(results);
    console.log(`\nload average (1 min) at start: ${loadAvg1m}; ${os.cpus().length} cores; scale ${opts.scale}`);
    console.log(JSON.stringify({ bench: "lists", results }));
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await shutdown();
  }
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** The plan's scan and join lines per statement: enough to see which index answered. */
async function explain(pool: pg.Pool, name: string, statements: Statement[]) {
  console.log(`  EXPLAIN ${name}`);
  for (const s of statements) {
    if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${s.sql}`, s.params);
    const lines = rows.map((r) => r["QUERY PLAN"]).filter((l) => /Scan|Join|Sort|Aggregate|Execution Time/.test(l));
    console.log(`    ${s.sql.replace(/\s+/g, " ").slice(0, 110)}…`);
    for (const l of lines) console.log(`      ${l.trim()}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
