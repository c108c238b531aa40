import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { readEventBodyMasked, readEventBodyPreview } from "./queries";
import { recordInboundEvent } from "./record";

async function recordBody(rawBody: string) {
  const { event } = await recordInboundEvent(testDb(), {
    source: "test-preview",
    eventType: "big",
    eventKey: `k-${crypto.randomUUID()}`,
    signatureOk: true,
    method: "POST",
    path: "/api/callbacks/test",
    headers: new Headers({ "content-type": "application/json" }),
    rawBody,
  });
  return BigInt(event.id);
}

describe("readEventBodyPreview", () => {
  it("returns a small body whole", async () => {
    const id = await recordBody('{"a":"小"}');
    expect(await readEventBodyPreview(testDb(), id, 64 * 1024)).toEqual({ text: '{"a":"小"}', totalBytes: 11, truncated: false });
  });

  it("cuts a large body at the byte limit on a character boundary, and knows the whole size", async () => {
    const body = `{"x":"${"汉".repeat(100_000)}"}`;
    const id = await recordBody(body);
    const preview = await readEventBodyPreview(testDb(), id, 1000);
    expect(preview!.truncated).toBe(true);
    expect(preview!.totalBytes).toBe(Buffer.byteLength(body));
    expect(Buffer.byteLength(preview!.text)).toBeLessThanOrEqual(1000);
    expect(preview!.text).not.toContain("\uFFFD");
    expect(body.startsWith(preview!.text)).toBe(true);
    expect((await readEventBodyMasked(testDb(), id))!.length).toBe(body.length);
  });

  it("answers null for an unknown event", async () => {
    expect(await readEventBodyPreview(testDb(), 999_999_999n, 10)).toBeNull();
  });
});
