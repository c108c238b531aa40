import { realpathSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CallbackSender } from "./core/callbacks";
import { FaultStore } from "./core/faults";
import { handleRequest } from "./core/pipeline";
import { RequestLog } from "./core/request-log";
import type { SandboxRuntime } from "./core/runtime";
import { SandboxState } from "./core/state";
import type { SandboxVendor } from "./core/types";
import { readSandboxEnv, type SandboxEnv } from "./env";
import { sandboxVendors } from "./vendors";

export interface StartSandboxOptions {
  /** 0 picks a free port. Default SANDBOX_PORT or 3100. */
  port?: number;
  /** Default SANDBOX_HOST or 127.0.0.1. */
  host?: string;
  /** Default: every registered vendor (lib/sandbox/vendors.ts). */
  vendors?: SandboxVendor[];
  /** JSON file for SandboxState; null keeps it in memory. Default SANDBOX_STATE_FILE. */
  stateFile?: string | null;
  /** Where vendor callbacks go. Default APP_BASE_URL or http://localhost:PORT. */
  consoleBaseUrl?: string;
  /** Waits before callback retries 1..3; tests shorten them. */
  callbackRetryDelaysMs?: number[];
  callbackTimeoutMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  state: SandboxState;
  faults: FaultStore;
  log: RequestLog;
  callbacks: CallbackSender;
  /** Releases hung requests, cancels pending callbacks, flushes state; safe to call twice. */
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const vendors = options.vendors ?? sandboxVendors;
  const names = vendors.map((v) => v.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`sandbox vendor "${twice}" is registered twice`);

  // The environment is read only for what the caller left open, so tests depend on none of it.
  let env: SandboxEnv | undefined;
  const fromEnv = () => (env ??= readSandboxEnv());
  const port = options.port ?? fromEnv().port;
  const host = options.host ?? fromEnv().host;

  const faults = new FaultStore(names);
  const log = new RequestLog();
  const closing = new AbortController();
  const runtime: SandboxRuntime = {
    vendors,
    faults,
    log,
    state: new SandboxState(options.stateFile === undefined ? fromEnv().stateFile : options.stateFile),
    callbacks: new CallbackSender({
      log,
      faults,
      retryDelaysMs: options.callbackRetryDelaysMs,
      timeoutMs: options.callbackTimeoutMs,
    }),
    baseUrl: "",
    consoleBaseUrl: (options.consoleBaseUrl ?? fromEnv().consoleBaseUrl).replace(/\/+$/, ""),
    closing: closing.signal,
    hanging: new Set(),
  };

  const server = createServer((req, res) => {
    handleRequest(runtime, req, res).catch((error: unknown) => {
      console.error("[sandbox] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal_error" }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  runtime.baseUrl = `http://${displayHost(host)}:${actualPort}`;

  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= (async () => {
      closing.abort();
      for (const res of runtime.hanging) res.destroy();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([stopped, runtime.callbacks.close()]);
      await runtime.state.flush();
    })();
    return closed;
  };

  return { url: runtime.baseUrl, port: actualPort, state: runtime.state, faults, log, callbacks: runtime.callbacks, close };
}

/** A wildcard bind address is not somewhere a browser can go; IPv6 literals need brackets. */
function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

function isRunDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    const self = pathToFileURL(realpathSync(fileURLToPath(import.meta.url))).href;
    return self === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  const vendors = sandboxVendors.map((v) => v.name).join(", ") || "none yet";
  console.log(`[sandbox] vendor sandbox listening on ${sandbox.url} (vendors: ${vendors})`);
  const stop = (signal: NodeJS.Signals) => {
    console.log(`[sandbox] ${signal} received, stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[sandbox] failed to stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  // once(): a second Ctrl-C falls through to Node's default and kills the process outright.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (isRunDirectly()) {
  main().catch((error: unknown) => {
    console.error("[sandbox] failed to start:", error);
    process.exit(1);
  });
}
