import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { PRETRIAL_RESULT_CALLBACK, SIGNED_CALLBACK, WECHAT_SHARE_CALLBACK } from "@/lib/vendors/wanwang/fixtures";

/**
 * Production scales out by replicas (design.md §1): two console processes and two workers
 * against one PostgreSQL (the test database). The consoles are two Node processes serving the
 * real callback route handlers through a small node:http adapter (scripts/scale-out/
 * callback-server.ts) — a second `next start` would cost a build and a gigabyte for the same
 * handler code. The workers are the real worker with its cron checked every second.
 * A burst of callbacks with replays, out of order, and wechatShares that arrive before their
 * querySn is known, is spread over both consoles: every event is applied once. Each scheduled
 * job runs once per tick although both workers schedule it. Nothing here shares memory.
 */
const TSX = path.resolve("node_modules/.bin/tsx");
const children: ChildProcess[] = [];

function start(script: string, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(TSX, ["--import", "./scripts/lib/register-server-only.mjs", script], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = ready.exec(out);
      if (match) resolve({ child, line: match[0] });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}:\n${out}`)));
  });
}

let consoles: string[] = [];

beforeAll(async () => {
  // The first worker installs pg-boss's schema; the second then joins it.
  await start("scripts/scale-out/worker.ts", /worker ready/);
  const [, a, b] = await Promise.all([
    start("scripts/scale-out/worker.ts", /worker ready/),
    start("scripts/scale-out/callback-server.ts", /listening (\d+)/),
    start("scripts/scale-out/callback-server.ts", /listening (\d+)/),
  ]);
  consoles = [a, b].map((s) => `http://127.0.0.1:${/\d+/.exec(s.line)![0]}`);
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
});

type Delivery = { path: string; body: string };

function callbacksFor(outsideOrderId: string, querySn: string): Delivery[] {
  const signed = (type: number) => ({
    path: "signed",
    body: JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId, querySn, type, time: 1761629299039 + type * 1000 }),
  });
  return [
    signed(0),
    signed(1),
    signed(2),
    signed(3),
    { path: "wechat-share", body: JSON.stringify({ ...JSON.parse(WECHAT_SHARE_CALLBACK), querySn }) },
    { path: "pretrial-result", body: JSON.stringify({ ...JSON.parse(PRETRIAL_RESULT_CALLBACK), outsideOrderId, querySn }) },
  ];
}

async function send(origin: string, d: Delivery) {
  const res = await fetch(`${origin}/api/callbacks/wanwang/${d.path}`, {
    method: "POST",
    headers: { authorization: "Bearer test-callback-token", "content-type": "application/json" },
    body: d.body,
  });
  return { status: res.status, code: ((await res.json()) as { code: number }).code };
}

describe("two consoles and two workers on one PostgreSQL", () => {
  it("a burst of callbacks with replays, out of order, over both consoles: every event applied once", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const orders = [];
    for (let i = 0; i < 24; i++) {
      const order = await createTestOrder(officer.id);
      // A third have no querySn yet: their wechatShare may arrive first and must wait, then apply.
      if (i % 3 === 0) await testDb().pretrialOrder.update({ where: { id: order.id }, data: { querySn: null } });
      orders.push({ ...order, querySnSent: order.querySn! });
    }
    const deliveries = orders.flatMap((o) => callbacksFor(o.outsideOrderId, o.querySnSent));
    // Every event twice (a replay), shuffled: replays and out-of-order arrivals both happen.
    const burst = [...deliveries, ...deliveries].sort(() => Math.random() - 0.5);
    let next = 0;
    const answers: { status: number; code: number }[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, lane) => {
        for (let i = next++; i < burst.length; i = next++) answers.push(await send(consoles[(i + lane) % 2], burst[i]));
      }),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);

    for (const o of orders) {
      const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: o.id }, include: { events: true } });
      expect({ id: o.id, status: order.status, signedType: order.signedType, querySn: order.querySn, wechat: Boolean(order.wechatShareUrl) }).toEqual({
        id: o.id,
        status: "PASSED",
        signedType: 3,
        querySn: o.querySnSent,
        wechat: true,
      });
      // One timeline entry per event, however many deliveries.
      expect(order.events.map((e) => `${e.kind}:${e.signedType ?? ""}`).sort()).toEqual(["RESULT:", "SIGNED:0", "SIGNED:1", "SIGNED:2", "SIGNED:3", "WECHAT_SHARE:"]);
    }
    const keys = orders.flatMap((o) => [`${o.outsideOrderId}:signed:0`, `${o.outsideOrderId}:result`, `${o.querySnSent}:wechat-share`]);
    const live = await testDb().inboundEvent.groupBy({ by: ["eventKey", "status"], where: { eventKey: { in: keys }, status: { not: "DUPLICATE" } }, _count: true });
    expect(live.every((g) => g.status === "PROCESSED" && g._count === 1)).toBe(true);
    expect(live).toHaveLength(keys.length);
  }, 40_000);

  it("each scheduled job runs once per tick although both workers schedule it", async () => {
    const completed = async () =>
      testDb().$queryRaw<{ name: string; minute: Date; n: number }[]>`
        SELECT name, date_trunc('minute', created_on) AS minute, count(*)::int AS n
        FROM pgboss.job WHERE name IN ('pretrial.sync', 'risk-score.retry') AND state = 'completed' GROUP BY 1, 2`;
    const deadline = Date.now() + 15_000;
    let rows = await completed();
    while (Date.now() < deadline && new Set(rows.map((r) => r.name)).size < 2) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await completed();
    }
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(["pretrial.sync", "risk-score.retry"]));
    for (const r of rows) expect({ name: r.name, minute: r.minute, n: r.n }).toEqual({ name: r.name, minute: r.minute, n: 1 });
    const [{ n: failed }] = await testDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('pretrial.sync', 'risk-score.retry') AND state = 'failed'`;
    expect(failed).toBe(0);
  }, 30_000);
});
