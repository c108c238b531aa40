/**
 * The console as production runs it: its server entry (scripts/console-server.ts, what
 * `npm start` runs: Next's request handler behind the entry that sets the client address and
 * answers vendor callbacks) on the worktree's own build, in a child process with the bench's
 * environment (database, keys, callback token). Builds first when
 * there is no build yet (or when asked), so the figures are for the code as it stands.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { RunningServer } from "./lib-servers";

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const TSX_CLI = path.resolve("node_modules/tsx/dist/cli.mjs");
const NEXT_SCRIPT = path.resolve("node_modules/next/dist/bin/next");

/** `entry`: the console server entry `npm start` runs; `next-start`: plain `next start`, for comparison. */
export type ServerKind = "entry" | "next-start";

export function ensureNextBuild(force: boolean) {
  if (!force && existsSync(path.resolve(".next/BUILD_ID"))) return;
  console.log("Building the console (next build)…");
  const out = spawnSync(NEXT_BIN, ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (out.status !== 0) throw new Error(`next build failed (exit ${out.status})`);
}

export async function startNextServer(port: number, env: Record<string, string>, signal?: AbortSignal, kind: ServerKind = "entry"): Promise<RunningServer> {
  // BENCH_NEXT_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
  const nodeArgs = (process.env.BENCH_NEXT_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // The tsx CLI runs the script in a child process of its own, which node flags do not reach:
  // when profiling, tsx is loaded as a module loader into this one process instead.
  const entry = ["--import", "./scripts/lib/register-server-only.mjs", "scripts/console-server.ts"];
  const args =
    kind === "entry"
      ? nodeArgs.length ? ["--import", "tsx", ...entry] : [TSX_CLI, ...entry]
      : [NEXT_SCRIPT, "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 50) output.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const close = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  for (let i = 0; i < 300; i++) {
    signal?.throwIfAborted();
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}:\n${output.join("")}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return { origin, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await close();
  throw new Error(`the console did not answer /api/health within 60 s:\n${output.join("")}`);
}

/** The bare-INSERT floor in its own process (scripts/bench/baseline-server.ts). */
export async function startBaselineProcess(databaseUrl: string, source: string, poolMax: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [TSX_CLI, "scripts/bench/baseline-server.ts", databaseUrl, source, String(poolMax)], { stdio: ["ignore", "pipe", "pipe"] });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.once("exit", (code) => reject(new Error(`baseline server exited with ${code}:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    origin,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
