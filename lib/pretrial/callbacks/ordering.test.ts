import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { processInboundEvent } from "@/lib/inbox/process";
import { inboundRoute } from "@/lib/inbox/route";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { PRETRIAL_RESULT_CALLBACK, SIGNED_CALLBACK, WECHAT_SHARE_CALLBACK } from "@/lib/vendors/wanwang/fixtures";

/**
 * Idempotency and ordering: a full callback sequence (signed 0–3, wechatShare, result) applied
 * in every order, with replays, always ends in the same state — the state of the natural order.
 */
type Step = { eventType: string; key: string; body: string };

function fullSequence(outsideOrderId: string, querySn: string): Step[] {
  const signed = (type: number): Step => ({
    eventType: "signed",
    key: `${outsideOrderId}:signed:${type}`,
    body: JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId, querySn, type, time: 1761629299039 + type * 1000 }),
  });
  return [
    signed(0),
    signed(1),
    signed(2),
    signed(3),
    { eventType: "wechat-share", key: `${querySn}:wechat-share`, body: JSON.stringify({ ...JSON.parse(WECHAT_SHARE_CALLBACK), querySn }) },
    { eventType: "pretrial-result", key: `${outsideOrderId}:result`, body: JSON.stringify({ ...JSON.parse(PRETRIAL_RESULT_CALLBACK), outsideOrderId, querySn }) },
  ];
}

const routes = new Map<string, (r: Request) => Promise<Response>>();
/** Through the real route handler: record, dedupe and apply in one statement. */
async function deliver(step: Step) {
  const route = routes.get(step.eventType) ?? inboundRoute("wanwang", step.eventType);
  routes.set(step.eventType, route);
  const res = await route(
    new Request(`http://localhost/api/callbacks/wanwang/${step.eventType}`, {
      method: "POST",
      headers: { authorization: "Bearer test-callback-token", "content-type": "application/json" },
      body: step.body,
    }),
  );
  expect(res.status).toBe(200);
}

async function snapshot(orderId: string) {
  const o = await testDb().pretrialOrder.findUniqueOrThrow({
    where: { id: orderId },
    include: { events: true, recommendations: { orderBy: { capitalId: "asc" } } },
  });
  return {
    status: o.status,
    signedType: o.signedType,
    customerLevel: o.customerLevel,
    pretrialStatus: o.pretrialStatus,
    wechatShareUrl: o.wechatShareUrl,
    markId: o.markId,
    personReport: o.personReport,
    capital: o.recommendations.map((r) => r.capitalId),
    events: o.events.map((e) => `${e.kind}:${e.signedType ?? ""}`).sort(),
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

let officerId = "";
let expected: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  officerId = (await createTestUser("LOAN_OFFICER")).id;
  const order = await createTestOrder(officerId);
  for (const step of fullSequence(order.outsideOrderId, order.querySn!)) await deliver(step);
  expected = await snapshot(order.id);
});

describe("callback ordering and replays", () => {
  it("the natural order ends PASSED with every event on the timeline once", () => {
    expect(expected.status).toBe("PASSED");
    expect(expected.signedType).toBe(3);
    expect(expected.events).toEqual(["RESULT:", "SIGNED:0", "SIGNED:1", "SIGNED:2", "SIGNED:3", "WECHAT_SHARE:"]);
  });

  it("each callback replayed six times changes the order once", async () => {
    const order = await createTestOrder(officerId);
    for (const step of fullSequence(order.outsideOrderId, order.querySn!)) {
      for (let i = 0; i < 6; i++) await deliver(step);
    }
    expect(await snapshot(order.id)).toEqual(expected);
    expect(await testDb().inboundEvent.count({ where: { eventKey: { startsWith: order.outsideOrderId }, status: "DUPLICATE" } })).toBe(25);
  });

  it("every permutation of the full sequence ends in the same state", { timeout: 600_000 }, async () => {
    const all = permutations([0, 1, 2, 3, 4, 5]);
    expect(all).toHaveLength(720);
    for (const perm of all) {
      const order = await createTestOrder(officerId);
      const steps = fullSequence(order.outsideOrderId, order.querySn!);
      for (const i of perm) await deliver(steps[i]);
      const got = await snapshot(order.id);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ perm, got }).toEqual({ perm, got: expected });
    }
  });

  it("random interleavings with replays end in the same state (property)", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(5), { minLength: 6, maxLength: 18 }), async (extra) => {
        const order = await createTestOrder(officerId);
        const steps = fullSequence(order.outsideOrderId, order.querySn!);
        // Every step at least once, plus random replays, in a shuffled order.
        const sequence = [...steps.keys(), ...extra].sort(() => Math.random() - 0.5);
        for (const i of sequence) await deliver(steps[i]);
        expect(await snapshot(order.id)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("re-running processed events (as an admin may) changes nothing", async () => {
    const order = await createTestOrder(officerId);
    for (const step of fullSequence(order.outsideOrderId, order.querySn!)) await deliver(step);
    const events = await testDb().inboundEvent.findMany({ where: { eventKey: { startsWith: order.outsideOrderId }, status: "PROCESSED" } });
    expect(events).toHaveLength(5);
    for (const e of events) await processInboundEvent(testDb(), e.id);
    expect(await snapshot(order.id)).toEqual(expected);
  });

  it("a late signed type 0 after the result changes nothing but the timeline", async () => {
    const order = await createTestOrder(officerId);
    const steps = fullSequence(order.outsideOrderId, order.querySn!);
    await deliver(steps[5]);
    const before = await snapshot(order.id);
    await deliver(steps[0]);
    const after = await snapshot(order.id);
    expect(after.status).toBe("PASSED");
    expect({ ...after, events: [], signedType: null }).toEqual({ ...before, events: [], signedType: null });
    expect(after.events).toContain("SIGNED:0");
  });
});
