/**
 * A closed-loop load generator: `concurrency` lanes over one keep-alive agent, each sending its
 * next request when the previous answer is complete, until the bounded list is exhausted.
 */
import http from "node:http";
import { SIGNED_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { signedTypeLabel } from "@/lib/vendors/wanwang/transform";
import type { BenchOrder } from "./lib-setup";

export type Call = { body: string; replay: boolean };

export type RunResult = {
  requests: number;
  replays: number;
  failures: number;
  failureSamples: string[];
  wallMs: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

const REPLAY_EVERY = 10; // every 10th request repeats an earlier event: ~10 % replays
const REPLAY_LAG = 64; // …sent this many new events earlier, so the original is usually settled

/** How many orders `total` calls need so that every new event has a key of its own. */
export function ordersNeeded(total: number): number {
  return Math.max(1, Math.ceil((total - Math.floor(total / REPLAY_EVERY)) / 4));
}

/**
 * `total` `signed` callbacks built on the document's example body. New event k names order
 * k mod N with type ⌊k / N⌋ (so each order goes 0 → 3 in rounds, as in real life, and lanes
 * rarely wait on one order's row lock); every 10th call is a byte-identical replay.
 */
export function buildCalls(orders: BenchOrder[], total: number): Call[] {
  const template = JSON.parse(SIGNED_CALLBACK) as Record<string, unknown>;
  const news: string[] = [];
  const calls: Call[] = [];
  for (let i = 0; i < total; i++) {
    if (i % REPLAY_EVERY === REPLAY_EVERY - 1 && news.length > 0) {
      calls.push({ body: news[Math.max(0, news.length - REPLAY_LAG)], replay: true });
      continue;
    }
    const k = news.length;
    const order = orders[k % orders.length];
    const type = Math.floor(k / orders.length);
    if (type > 3) throw new Error(`not enough orders for ${total} calls: need ${ordersNeeded(total)}`);
    const body = JSON.stringify({
      ...template,
      outsideOrderId: order.outsideOrderId,
      querySn: order.querySn,
      type,
      // The document shows only type 2's description; the others get our own label.
      typeDesc: type === template.type ? template.typeDesc : signedTypeLabel(type),
      time: 1761629299039 + k * 1000,
    });
    news.push(body);
    calls.push({ body, replay: false });
  }
  return calls;
}

type Answer = { status: number; text: string };

function send(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function isSuccess(answer: Answer): boolean {
  if (answer.status !== 200) return false;
  try {
    return (JSON.parse(answer.text) as { code?: unknown }).code === 0;
  } catch {
    return false;
  }
}

/** Stops taking new requests once `signal` is aborted; requests already sent are awaited. */
export async function runLoad(
  target: string,
  calls: Call[],
  /** `sender` replaces the HTTP request (e.g. the intake statement alone); it returns a failure text or nothing. */
  opts: { concurrency: number; headers: Record<string, string>; signal?: AbortSignal; sender?: (call: Call) => Promise<string | undefined> },
): Promise<RunResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latenciesNs: bigint[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < calls.length && !opts.signal?.aborted; i = next++) {
      const started = process.hrtime.bigint();
      let outcome: string | undefined;
      try {
        if (opts.sender) outcome = await opts.sender(calls[i]);
        else {
          const answer = await send(agent, url, opts.headers, calls[i].body);
          if (!isSuccess(answer)) outcome = `HTTP ${answer.status} ${answer.text.slice(0, 200)}`;
        }
      } catch (err) {
        outcome = err instanceof Error ? err.message : String(err);
      }
      latenciesNs.push(process.hrtime.bigint() - started);
      if (outcome !== undefined) {
        failures++;
        if (failureSamples.length < 5) failureSamples.push(`#${i}${calls[i].replay ? " (replay)" : ""}: ${outcome}`);
      }
    }
  };
  const started = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, lane));
  } finally {
    agent.destroy();
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const ms = latenciesNs.map((ns) => Number(ns) / 1e6).sort((a, b) => a - b);
  // Nearest-rank percentile: the smallest latency at or above which p % of requests lie.
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.max(0, Math.ceil((p / 100) * ms.length) - 1))] ?? 0;
  return {
    requests: ms.length,
    replays: calls.filter((c) => c.replay).length,
    failures,
    failureSamples,
    wallMs,
    rate: ms.length / (wallMs / 1000),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: ms[ms.length - 1] ?? 0,
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
  };
}
