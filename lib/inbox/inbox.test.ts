import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { decryptPii } from "@/lib/pii/vault";
import { registerInboundHandler } from "./handlers";
import { processInboundEvent } from "./process";
import { recordInboundEvent } from "./record";

const SOURCE = "test-vendor";
const body = JSON.stringify({ orderId: "T1", idNum: "11010519491231002X", mobile: "13912345678", name: "张三" });

function request(eventKey: string, overrides: Partial<Parameters<typeof recordInboundEvent>[1]> = {}) {
  return {
    source: SOURCE,
    eventType: "thing-happened",
    eventKey,
    signatureOk: true,
    method: "POST",
    path: "/api/callbacks/test",
    headers: new Headers({ authorization: "Bearer secret-token", "content-type": "application/json" }),
    rawBody: body,
    ...overrides,
  };
}

let applied = 0;
registerInboundHandler(SOURCE, "thing-happened", async (_tx, event) => {
  applied++;
  if (event.eventKey?.startsWith("unknown")) return { status: "unmatched", reason: "no such order" };
  if (event.eventKey?.startsWith("boom")) throw new Error("handler exploded");
  return { status: "processed", targetType: "order", targetId: "T1" };
});

describe("callback inbox", () => {
  it("stores the raw body encrypted, a masked copy, and headers without secrets", async () => {
    const { event } = await recordInboundEvent(testDb(), request(`k-${crypto.randomUUID()}`));
    expect(event.status).toBe("RECEIVED");
    expect(event.bodyEncrypted).not.toContain("11010519491231002X");
    expect(decryptPii(event.bodyEncrypted)).toBe(body);
    expect(event.bodyMasked).not.toContain("11010519491231002X");
    expect(event.bodyMasked).not.toContain("13912345678");
    expect(event.bodyMasked).not.toContain("张三");
    expect(JSON.stringify(event.headers)).not.toContain("secret-token");
  });

  it("a replay six times is one live event and five duplicates, processed once", async () => {
    const key = `k-${crypto.randomUUID()}`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await recordInboundEvent(testDb(), request(key)));
    const live = results.filter((r) => r.duplicateOf === null);
    expect(live).toHaveLength(1);
    expect(results.slice(1).every((r) => r.event.status === "DUPLICATE" && r.event.duplicateOfId === live[0].event.id)).toBe(true);
    const before = applied;
    for (const r of results) await processInboundEvent(testDb(), r.event.id);
    expect(applied - before).toBe(1);
    expect((await testDb().inboundEvent.findUniqueOrThrow({ where: { id: live[0].event.id } })).status).toBe("PROCESSED");
  });

  it("concurrent deliveries of one event still yield one live row", async () => {
    const key = `k-${crypto.randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => recordInboundEvent(testDb(), request(key))));
    expect(results.filter((r) => r.duplicateOf === null)).toHaveLength(1);
  });

  it("a bad signature is kept as rejected and never processed", async () => {
    const { event } = await recordInboundEvent(testDb(), request(`k-${crypto.randomUUID()}`, { signatureOk: false }));
    expect(event.status).toBe("REJECTED");
    const before = applied;
    expect(await processInboundEvent(testDb(), event.id)).toMatchObject({ status: "skipped" });
    expect(applied).toBe(before);
  });

  it("an event for an unknown record is unmatched; a throwing handler is failed with the error kept", async () => {
    const unmatched = await recordInboundEvent(testDb(), request(`unknown-${crypto.randomUUID()}`));
    expect(await processInboundEvent(testDb(), unmatched.event.id)).toMatchObject({ status: "unmatched" });
    expect((await testDb().inboundEvent.findUniqueOrThrow({ where: { id: unmatched.event.id } })).status).toBe("UNMATCHED");
    const failed = await recordInboundEvent(testDb(), request(`boom-${crypto.randomUUID()}`));
    expect(await processInboundEvent(testDb(), failed.event.id)).toMatchObject({ status: "failed" });
    const row = await testDb().inboundEvent.findUniqueOrThrow({ where: { id: failed.event.id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("handler exploded");
    expect(row.attempts).toBe(1);
  });

  it("an event with no registered handler fails visibly", async () => {
    const { event } = await recordInboundEvent(testDb(), request(`k-${crypto.randomUUID()}`, { eventType: "nobody-handles-this" }));
    expect(await processInboundEvent(testDb(), event.id)).toMatchObject({ status: "failed" });
  });
});
