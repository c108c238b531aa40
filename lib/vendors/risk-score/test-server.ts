import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach } from "vitest";
import { setLogSink, type LogSink } from "@/lib/logger";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import type { RiskScoreClientConfig } from "./client";
export { seededRng } from "@/lib/seeded-rng";

/**
 * Tests only. A throw-away vendor on port 0 (real sockets, so timeouts and resets behave as
 * in production), captured log lines, and synthetic people.
 */

export type Recorded = { method: string; path: string; body: string; json: Record<string, unknown> };
export type Reply = { status?: number; body?: string | object; delayMs?: number; destroy?: boolean };
export type Handler = (req: Recorded) => Reply;

export type VendorServer = {
  url: string;
  requests: Recorded[];
  calls(path: string): Recorded[];
  route(path: string, handler: Handler | Reply): void;
  close(): Promise<void>;
};

export async function startVendorServer(): Promise<VendorServer> {
  const routes = new Map<string, Handler>();
  const requests: Recorded[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = new URL(req.url ?? "/", "http://vendor.invalid").pathname;
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      // recorded as {}
    }
    const recorded: Recorded = { method: req.method ?? "", path, body, json };
    requests.push(recorded);
    const handler = routes.get(path);
    const reply: Reply = handler ? handler(recorded) : { status: 404, body: "not found" };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (res.destroyed) return;
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, { "Content-Type": "application/json; charset=utf-8" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    route: (path, handler) => void routes.set(path, typeof handler === "function" ? handler : () => handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}


export function syntheticPerson(rng: () => number) {
  return { idNum: generateSyntheticIdNumber(rng), mobile: generateSyntheticMobile(rng) };
}

export const TEST_SECRET = "test-risk-secret";
export const TEST_PARTNER = "170117119999";

/** A vendor server per test, log capture, and a config pointing at the server. */
export function setupVendorHarness() {
  const h = {
    server: undefined as unknown as VendorServer,
    logs: [] as string[],
    config(overrides: Partial<RiskScoreClientConfig> = {}): RiskScoreClientConfig {
      return { baseUrl: `${h.server.url}/`, partnerId: TEST_PARTNER, secret: TEST_SECRET, timeoutMs: 2000, ...overrides };
    },
  };
  let restore: LogSink;
  beforeEach(async () => {
    h.server = await startVendorServer();
    h.logs.length = 0;
    restore = setLogSink((line) => h.logs.push(line));
  });
  afterEach(async () => {
    setLogSink(restore);
    await h.server.close();
  });
  return h;
}
