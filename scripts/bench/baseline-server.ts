/**
 * The bench's floor in a process of its own (scripts/bench/callback-intake.ts): the same bare
 * `node:http` handler and one INSERT … ON CONFLICT as the in-process baseline. A console server
 * is a process of its own behind loopback; comparing it with a handler that shares the load
 * generator's process would charge the console for the process hop the floor skips.
 * Prints `listening <origin>` once ready; stops on SIGTERM.
 */
import pg from "pg";
import { startBaselineServer } from "./lib-servers";

const url = process.argv[2];
const source = process.argv[3] ?? "bench-baseline-proc";
if (!url) throw new Error("usage: baseline-server.ts <database url> [source]");
const pool = new pg.Pool({ connectionString: url, max: Number(process.argv[4] ?? 10) });
pool.on("error", () => undefined);
const server = await startBaselineServer(pool, source);
console.log(`listening ${server.origin}`);
process.once("SIGTERM", () => {
  void server.close().then(() => pool.end()).finally(() => process.exit(0));
});
