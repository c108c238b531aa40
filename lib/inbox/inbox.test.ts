import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { testDb } from "@/lib/test/factories";
import { readStoredBody } from "./body";
import { defineInboundEvent } from "./define-event";
import { jsonBody } from "./parse-body";
import { processInboundEvent } from "./process";
import { receiveCallback } from "./receive";

/**
 * The inbox pipeline with an event whose handler is TypeScript (the general form; 万网's
 * events use the one-statement SQL form, tested through their routes).
 */
const SOURCE = "test-vendor";
const body = (orderId: string) => JSON.stringify({ orderId, idNum: "11010519491231002X", mobile: "13912345678", name: "张三" });

let applied = 0;
const parse = jsonBody(z.object({ orderId: z.string() }));
const thingHappened = defineInboundEvent({
  source: SOURCE,
  eventType: "thing-happened",
  parse,
  key: (b) => `${b.orderId}:thing`,
  verify: (headers) => headers.get("authorization") === "Bearer secret-token",
  answer: (outcome) => Response.json(outcome, { status: outcome.kind === "rejected" ? 401 : outcome.kind === "malformed" ? 400 : 200 }),
  handle: async (_tx, _event, b) => {
    applied++;
    if (b.orderId.startsWith("unknown")) return { status: "unmatched", reason: "no such order" };
    if (b.orderId.startsWith("boom")) throw new Error("handler exploded");
    return { status: "processed", targetType: "order", targetId: b.orderId };
  },
});
const EVENTS = [thingHappened];

const deliver = async (orderId: string, token = "secret-token") => {
  const res = await receiveCallback(
    new Request("http://localhost/api/callbacks/test", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body(orderId) }),
    thingHappened,
  );
  return (await res.json()) as { kind: string };
};
const rowsOf = (orderId: string) => testDb().inboundEvent.findMany({ where: { source: SOURCE, eventKey: `${orderId}:thing` }, orderBy: { id: "asc" } });

describe("callback inbox", () => {
  it("stores the raw body encrypted, a masked copy, and headers without secrets", async () => {
    const id = `k-${crypto.randomUUID()}`;
    expect(await deliver(id)).toEqual({ kind: "processed" });
    const [event] = await rowsOf(id);
    expect(event.status).toBe("PROCESSED");
    expect(Buffer.from(event.bodyEncrypted).toString("latin1")).not.toContain("11010519491231002X");
    expect(readStoredBody(event.bodyEncrypted).toString("utf8")).toBe(body(id));
    expect(event.bodyMasked).not.toContain("11010519491231002X");
    expect(event.bodyMasked).not.toContain("13912345678");
    expect(event.bodyMasked).not.toContain("张三");
    expect(JSON.stringify(event.headers)).not.toContain("secret-token");
  });

  it("a replay six times is one live event and five duplicates, processed once", async () => {
    const id = `k-${crypto.randomUUID()}`;
    const before = applied;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await deliver(id));
    expect(answers.map((a) => a.kind)).toEqual(["processed", "duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    const rows = await rowsOf(id);
    expect(rows.filter((r) => r.status === "PROCESSED")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "DUPLICATE" && r.duplicateOfId === rows[0].id)).toHaveLength(5);
    for (const r of rows) await processInboundEvent(testDb(), r.id, EVENTS);
    expect(applied - before).toBe(2); // the delivery, and the re-run of the live row (idempotent handlers)
  });

  it("concurrent deliveries of one event still yield one live row", async () => {
    const id = `k-${crypto.randomUUID()}`;
    await Promise.all(Array.from({ length: 6 }, () => deliver(id)));
    const rows = await rowsOf(id);
    expect(rows.filter((r) => r.status !== "DUPLICATE")).toHaveLength(1);
    expect(rows).toHaveLength(6);
  });

  it("a bad credential is kept as rejected and never processed", async () => {
    const before = applied;
    expect(await deliver(`k-${crypto.randomUUID()}`, "wrong")).toEqual({ kind: "rejected" });
    const event = await testDb().inboundEvent.findFirstOrThrow({ where: { source: SOURCE, status: "REJECTED" }, orderBy: { id: "desc" } });
    expect(event.signatureOk).toBe(false);
    expect(await processInboundEvent(testDb(), event.id, EVENTS)).toMatchObject({ status: "skipped" });
    expect(applied).toBe(before);
  });

  it("an event for an unknown record is unmatched; a throwing handler is failed with the error kept", async () => {
    const unknown = `unknown-${crypto.randomUUID()}`;
    expect(await deliver(unknown)).toMatchObject({ kind: "unmatched" });
    expect((await rowsOf(unknown))[0].status).toBe("UNMATCHED");
    const boom = `boom-${crypto.randomUUID()}`;
    expect(await deliver(boom)).toEqual({ kind: "deferred" });
    const [row] = await rowsOf(boom);
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("handler exploded");
    expect(row.attempts).toBe(1);
  });

  it("an event missing from the catalogue fails visibly when re-run", async () => {
    const id = `k-${crypto.randomUUID()}`;
    await deliver(id);
    const [row] = await rowsOf(id);
    expect(await processInboundEvent(testDb(), row.id, [])).toMatchObject({ status: "failed" });
  });
});
