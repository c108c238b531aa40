/**
 * Benchmark (not a test): T+1 reconciliation of a 1,000,000-line check file against a request
 * log of the same size, through the code the console runs (lib/reconciliation/run.ts: parse →
 * COPY → SQL match → exceptions and per-outcome counts written), beside `LC_ALL=C sort | join` on the same
 * data in the same run.
 *
 *   npm run bench:recon -- [--lines 1000000]
 *
 * A throwaway embedded PostgreSQL is migrated; our side (custody_requests, CONFIRM_LOAN with a
 * commission) is generated in SQL; the custody file (TRANSACTION) is written by the same
 * generator in another order, with one discrepancy of each kind per 1,000 lines, and stored as
 * the console stores a download. Peak memory, sampled from /proc every 100 ms during the run:
 * Node's RSS plus the PostgreSQL backends' PSS (smaps_rollup: shared buffers split between the
 * processes that map them); their anonymous memory and VmHWM are printed beside it.
 * Progress is printed while it runs; the last line is JSON.
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { startBenchDatabase, type BenchDatabase } from "./lib-setup";

const FILE_DATE = "20261130";
const DAY_START_SQL = "timestamptz '2026-11-30 00:00:00+08'";
const PLATFORM = "BENCHPLAT";

const amountOf = (i: number) => ((i * 7919) % 10_000_000) + 100;
const commissionOf = (i: number) => i % 500;
const requestNo = (i: number) => `RQ${String(i).padStart(8, "0")}`;

function readOptions() {
  const { values } = parseArgs({ options: { lines: { type: "string" } }, strict: true });
  const lines = values.lines === undefined ? 1_000_000 : Number(values.lines);
  if (!Number.isInteger(lines) || lines < 1000 || lines > 5_000_000) throw new Error(`--lines must be an integer from 1000 to 5000000, got "${values.lines}"`);
  return { lines };
}

async function fillOurs(client: pg.Client, n: number) {
  await client.query(
    `INSERT INTO custody_requests (request_no, service_name, mode, status, body_enc, body_masked, operation, amount, confirmed_at, created_at)
     SELECT 'RQ' || lpad(i::text, 8, '0'), 'CONFIRM_LOAN', 'direct', 'SUCCEEDED', 'x', '{}',
            jsonb_build_object('commission', i % 500), ((i::bigint * 7919) % 10000000) + 100,
            ${DAY_START_SQL} + make_interval(secs => i % 86400), ${DAY_START_SQL} + make_interval(secs => i % 86400)
     FROM generate_series(1, $1) AS i`,
    [n],
  );
  await client.query("VACUUM ANALYZE custody_requests");
}

/**
 * The custody side's file: every request once, in a scrambled order, except per 1,000:
 * #1 amount one fen more, #2 missing (theirs), #3 a request only they have, #4 a line twice,
 * #5 FAIL where we succeeded, #6 another commission. Exactly `n` lines after the header.
 */
async function writeTheirFile(file: string, n: number) {
  const { checkFileHeader } = await import("@/lib/reconciliation/checkfile/format");
  const { fenToYuanText } = await import("@/lib/reconciliation/checkfile/format");
  const out = createWriteStream(file);
  out.write(checkFileHeader("TRANSACTION"));
  const stride = 7919; // coprime with n when n is not a multiple of 7919: a permutation of 1..n
  let written = 0;
  let buf = "";
  const line = (rn: string, amount: number, commission: number, status: string) => {
    buf += `${PLATFORM}|${rn}||CONFIRM_LOAN|P1|||${fenToYuanText(amount)}|${fenToYuanText(commission)}|${status}|${FILE_DATE}120000\n`;
    written++;
  };
  for (let k = 0; written < n; k++) {
    const i = k < n ? ((k * stride) % n) + 1 : n + k; // after one pass: extra lines only they have
    const m = i % 1000;
    if (k >= n) line(`EX${i}`, 100, 0, "SUCCESS");
    else if (m === 2) continue;
    else if (m === 3) line(`EX${i}`, amountOf(i), 0, "SUCCESS");
    else if (m === 1) line(requestNo(i), amountOf(i) + 1, commissionOf(i), "SUCCESS");
    else if (m === 5) line(requestNo(i), amountOf(i), commissionOf(i), "FAIL");
    else if (m === 6) line(requestNo(i), amountOf(i), commissionOf(i) + 1, "SUCCESS");
    else {
      line(requestNo(i), amountOf(i), commissionOf(i), "SUCCESS");
      if (m === 4 && written < n) line(requestNo(i), amountOf(i), commissionOf(i), "SUCCESS");
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

type BackendMem = { pss: number; anon: number; hwm: number };

/**
 * A backend's memory now, in MB, from /proc (0 when it is gone):
 * - pss: Pss of /proc/<pid>/smaps_rollup — resident pages, each shared page divided by the
 *   processes that map it (shared buffers touched by several backends count once in total);
 * - anon: Anonymous of smaps_rollup — the backend's own memory (heap: work_mem hash tables,
 *   sorts, caches, temp-table buffers); shared buffers are shared memory, not anonymous;
 * - hwm: VmHWM of /proc/<pid>/status, the high-water mark of RSS, which counts every shared
 *   buffer page the backend ever touched in full (what this bench reported before).
 */
async function backendMem(pid: number): Promise<BackendMem> {
  const mb = (text: string, field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
    return m ? Number(m[1]) / 1024 : 0;
  };
  try {
    const [rollup, status] = await Promise.all([fs.readFile(`/proc/${pid}/smaps_rollup`, "utf8"), fs.readFile(`/proc/${pid}/status`, "utf8")]);
    return { pss: mb(rollup, "Pss"), anon: mb(rollup, "Anonymous"), hwm: mb(status, "VmHWM") };
  } catch {
    return { pss: 0, anon: 0, hwm: 0 };
  }
}

/**
 * Samples, every 100 ms until stopped, Node's RSS and the run's backends (every client backend
 * but the sampler's own, and every parallel worker). Per backend the peak of each measure; per measure the sum of those
 * peaks (backends that peak at different moments are still added: an upper bound).
 */
function sampleMemory(url: string) {
  const peaks = new Map<number, BackendMem>();
  let nodePeak = process.memoryUsage().rss / 2 ** 20;
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  let stop = false;
  const done = (async () => {
    await client.connect();
    while (!stop) {
      nodePeak = Math.max(nodePeak, process.memoryUsage().rss / 2 ** 20);
      const { rows } = await client.query<{ pid: number }>(
        // Parallel workers too: the match runs on them (each has memory of its own; the shared
        // hash table they build together is shared memory, split between them by PSS).
        "SELECT pid FROM pg_stat_activity WHERE backend_type IN ('client backend', 'parallel worker') AND pid <> pg_backend_pid() AND datname = current_database()",
      );
      for (const { pid } of rows) {
        const now = await backendMem(pid);
        const p = peaks.get(pid) ?? { pss: 0, anon: 0, hwm: 0 };
        peaks.set(pid, { pss: Math.max(p.pss, now.pss), anon: Math.max(p.anon, now.anon), hwm: Math.max(p.hwm, now.hwm) });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
  })();
  return {
    async finish(): Promise<{ nodeMb: number; backends: BackendMem }> {
      stop = true;
      await done;
      const sum = (f: keyof BackendMem) => [...peaks.values()].reduce((a, b) => a + b[f], 0);
      return { nodeMb: nodePeak, backends: { pss: sum("pss"), anon: sum("anon"), hwm: sum("hwm") } };
    },
  };
}

async function timeShell(command: string): Promise<{ seconds: number; output: string }> {
  const t = performance.now();
  const child = spawn("bash", ["-c", command], { env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  const [code] = (await once(child, "exit")) as [number];
  if (code !== 0) throw new Error(`${command} exited ${code}`);
  return { seconds: (performance.now() - t) / 1000, output: output.trim() };
}

async function main() {
  const { lines } = readOptions();
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "creditops-bench-recon-"));
  let database: BenchDatabase | undefined;
  const pools: pg.Pool[] = [];
  process.once("SIGINT", () => void database?.teardown().then(() => process.exit(130)));
  try {
    console.log("Starting a throwaway PostgreSQL and applying migrations…");
    database = await startBenchDatabase();
    const fill = new pg.Client({ connectionString: database.url });
    await fill.connect();
    let t = performance.now();
    await fillOurs(fill, lines);
    console.log(`Our side: ${lines.toLocaleString("en")} requests in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const theirFile = path.join(folder, "their.txt");
    t = performance.now();
    await writeTheirFile(theirFile, lines);
    console.log(`Their file: ${lines.toLocaleString("en")} lines, ${((await fs.stat(theirFile)).size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const ourFile = path.join(folder, "ours.txt");
    await pipeline(
      fill.query(copyTo(`COPY (SELECT request_no || '|' || amount || '|' || (operation->>'commission') || '|' || status FROM custody_requests) TO STDOUT`)),
      createWriteStream(ourFile),
    );
    await fill.end();

    const { storeCheckFile } = await import("@/lib/reconciliation/files");
    const { runReconciliation } = await import("@/lib/reconciliation/run");
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    pools.push(pool);
    t = performance.now();
    const storeClient = await pool.connect();
    const stored = await storeCheckFile(storeClient, { fileDate: FILE_DATE, fileType: "TRANSACTION", source: createReadStream(theirFile, { highWaterMark: 1 << 20 }) });
    storeClient.release();
    const storeSeconds = (performance.now() - t) / 1000;
    console.log(`Stored as a download is (chunks in PostgreSQL): ${storeSeconds.toFixed(1)} s`);

    // The garbage of generating and storing the file is the bench's, not the run's: collect it
    // before Node's RSS is sampled (the flag is set at run time; package.json stays as it is).
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
    console.log("Reconciling (parse → COPY → match in SQL → exceptions + summary)…");
    console.log(`  Node RSS before the run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    const sampler = sampleMemory(database.url);
    let lastPrint = 0;
    t = performance.now();
    const result = await runReconciliation(pool, {
      fileDate: FILE_DATE,
      platformNo: PLATFORM,
      files: { TRANSACTION: stored.fileId },
      onProgress: (p) => {
        if (p.phase === "stage") {
          if (p.lines - lastPrint >= 100_000) {
            lastPrint = p.lines;
            console.log(`  staged ${p.lines.toLocaleString("en")} lines (${((performance.now() - t) / 1000).toFixed(1)} s)`);
          }
        } else console.log(`  ${p.phase}: ${(p.ms / 1000).toFixed(2)} s`);
      },
    });
    const seconds = (performance.now() - t) / 1000;
    const mem = await sampler.finish();
    if (result.outcome !== "matched") throw new Error(`the run did not match: ${JSON.stringify(result)}`);
    for (const s of result.summary) console.log(`  ${s.fileType} ${s.outcome}: ${s.count.toLocaleString("en")}`);

    console.log("LC_ALL=C sort | join on the same two files…");
    const sj = await timeShell(
      `join -t'|' -1 2 -2 1 -a 1 -a 2 <(tail -n +2 '${theirFile}' | sort -t'|' -k2,2) <(sort -t'|' -k1,1 '${ourFile}') | wc -l`,
    );
    console.log(`  sort | join: ${sj.seconds.toFixed(2)} s (${Number(sj.output).toLocaleString("en")} joined lines)`);
    // Reported: Node's RSS during the run + the backends' PSS (shared buffers split between
    // the processes that map them, not counted once per backend as VmHWM does).
    const peakRssMb = Math.round(mem.nodeMb + mem.backends.pss);
    console.log(`Reconciliation ${seconds.toFixed(2)} s, sort|join ${sj.seconds.toFixed(2)} s, ratio ${(seconds / sj.seconds).toFixed(2)} (goal ≤ 3)`);
    console.log(`Peak RSS: Node ${mem.nodeMb.toFixed(0)} MB (RSS during the run) + PostgreSQL backends ${mem.backends.pss.toFixed(0)} MB (PSS) = ${peakRssMb} MB (goal ≤ 512)`);
    console.log(`  backends' own (anonymous) memory ${mem.backends.anon.toFixed(0)} MB; VmHWM (shared buffers counted per backend) ${mem.backends.hwm.toFixed(0)} MB`);
    console.log(
      JSON.stringify({
        bench: "recon",
        lines,
        seconds: Number(seconds.toFixed(2)),
        sortJoinSeconds: Number(sj.seconds.toFixed(2)),
        ratio: Number((seconds / sj.seconds).toFixed(2)),
        peakRssMb,
      }),
    );
  } finally {
    for (const p of pools) await p.end().catch(() => undefined);
    await database?.teardown();
    await fs.rm(folder, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
