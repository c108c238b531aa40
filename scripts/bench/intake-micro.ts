/**
 * Micro-benchmark (not a test): the intake statement alone against a bare INSERT … ON CONFLICT
 * of one inbox row, both through a `pg` pool, no HTTP. Optionally loads SQL files into a
 * schema of its own each (`--variant a.sql,b.sql`, schemas v2, v3, …) and measures their functions
 * against the migrated ones ("current") side by side, rounds
 * interleaved so machine noise falls on every variant alike.
 *
 *   tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/intake-micro.ts [--variant f.sql] [--rounds 3] [--requests 3000] [--inbox-rows 1000000]
 */
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildCalls, ordersNeeded, runLoad, type Call } from "./lib-load";
import { createBenchOrders, prefillInbox, startBenchDatabase } from "./lib-setup";

const { values } = parseArgs({
  options: { variant: { type: "string" }, rounds: { type: "string" }, requests: { type: "string" }, "inbox-rows": { type: "string" }, concurrency: { type: "string" } },
});
const rounds = Number(values.rounds ?? 3);
const requests = Number(values.requests ?? 3000);
const inboxRows = Number(values["inbox-rows"] ?? 1_000_000);
const concurrency = Number(values.concurrency ?? 16);
const POOL_MAX = 10;
const PATH = "/api/callbacks/wanwang/signed";

type Parsed = { outsideOrderId: string; querySn: string; type: number; time: number; message: string; typeDesc: string; reuseFlag: number };

function intakeSender(pool: pg.Pool) {
  return async (call: Call) => {
    const cb = JSON.parse(call.body) as Parsed;
    const args = { outsideOrderId: cb.outsideOrderId, querySn: cb.querySn, type: cb.type, time: cb.time, message: cb.message, typeDesc: cb.typeDesc, reuseFlag: cb.reuseFlag };
    const { rows } = await pool.query<{ outcome: string }>({
      name: "bench_intake",
      text: "SELECT outcome FROM inbox_intake('wanwang', 'signed', $1, 'POST', $2, '{}'::jsonb, $3, $4, '127.0.0.1', 'pretrial_apply_signed', $5::jsonb)",
      values: [`${cb.outsideOrderId}:signed:${cb.type}`, PATH, Buffer.from(call.body), call.body, JSON.stringify(args)],
    });
    const ok = call.replay ? rows[0]?.outcome === "duplicate" : rows[0]?.outcome === "processed";
    return ok || (call.replay && rows[0]?.outcome === "processed") ? undefined : `outcome ${rows[0]?.outcome}`;
  };
}

function bareSender(pool: pg.Pool, source: string) {
  return async (call: Call) => {
    const cb = JSON.parse(call.body) as Parsed;
    await pool.query({
      name: "bench_bare",
      text: `INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip)
             VALUES ($1, $2, $3, 'RECEIVED', true, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      values: [source, "signed", `${cb.outsideOrderId}:signed:${cb.type}`, "POST", PATH, '{"content-type":"application/json"}', Buffer.from(call.body), call.body, "127.0.0.1"],
    });
    return undefined;
  };
}

async function main() {
  const db = await startBenchDatabase();
  try {
    if (inboxRows > 0) await prefillInbox(db.url, inboxRows);
    const perRound = requests + 200;
    const n = ordersNeeded(perRound);
    const files = values.variant ? values.variant.split(",") : [];
    const variants = ["bare", "current", ...files.map((_, i) => `v${i + 2}`)];
    const base = await createBenchOrders(n, undefined, "SEED");
    const admin = new pg.Client({ connectionString: db.url });
    admin.on("error", () => undefined);
    await admin.connect();
    // Fresh orders per (variant, round): copies of the seed orders under new ids.
    const callsFor = new Map<string, Call[]>();
    for (let r = 0; r < rounds; r++) {
      for (const v of variants) {
        const prefix = `${v.toUpperCase()}${r}X`;
        await admin.query(
          `INSERT INTO pretrial_orders SELECT (jsonb_populate_record(NULL::pretrial_orders, to_jsonb(o) || jsonb_build_object(
              'id', o.id || $1, 'idempotency_key', o.idempotency_key || $1, 'outside_order_id', $1 || o.outside_order_id, 'query_sn', 'ZX' || $1 || o.outside_order_id))).*
           FROM pretrial_orders o WHERE o.outside_order_id LIKE 'SEED%'`,
          [prefix],
        );
        callsFor.set(`${v}${r}`, buildCalls(base.map((o) => ({ outsideOrderId: prefix + o.outsideOrderId, querySn: `ZX${prefix}${o.outsideOrderId}` })), perRound));
      }
    }
    for (const [i, file] of files.entries()) {
      await admin.query(`CREATE SCHEMA v${i + 2}`);
      await admin.query(`SET search_path = v${i + 2}, public`);
      await admin.query(await fs.readFile(file, "utf8"));
    }
    await admin.query("ANALYZE");
    await admin.end();
    const pools: Record<string, pg.Pool> = {
      bare: new pg.Pool({ connectionString: db.url, max: POOL_MAX }),
      current: new pg.Pool({ connectionString: db.url, max: POOL_MAX }),
      ...Object.fromEntries(files.map((_, i) => [`v${i + 2}`, new pg.Pool({ connectionString: db.url, max: POOL_MAX, options: `-c search_path=v${i + 2},public` })])),
    };
    const rates: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
    for (let r = 0; r < rounds; r++) {
      for (const v of variants) {
        const calls = callsFor.get(`${v}${r}`)!;
        const sender = v === "bare" ? bareSender(pools.bare, `bare${r}`) : intakeSender(pools[v]);
        await runLoad("http://127.0.0.1/", calls.slice(0, 200), { concurrency, headers: {}, sender });
        const res = await runLoad("http://127.0.0.1/", calls.slice(200), { concurrency, headers: {}, sender });
        if (res.failures) console.warn(`${v}: ${res.failures} failures, e.g. ${res.failureSamples.join(" | ")}`);
        rates[v].push(res.rate);
        console.log(`round ${r} ${v.padEnd(4)} ${res.rate.toFixed(0)} req/s  p50 ${res.p50.toFixed(2)} p99 ${res.p99.toFixed(2)} ms`);
      }
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    for (const v of variants) console.log(`median ${v}: ${med(rates[v]).toFixed(0)} req/s = ${(med(rates[v]) / med(rates.bare)).toFixed(3)}× bare`);
    await Promise.all(Object.values(pools).map((p) => p.end()));
  } finally {
    await db.teardown();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
