import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { readEventBodyMasked, readEventBodyPreview } from "./queries";
import { maskBody, sealBody } from "./body";
import { intakeEvent } from "./record";

async function recordBody(rawBody: string) {
  const raw = Buffer.from(rawBody, "utf8");
  const delivery = {
    source: "test-preview",
    eventType: "big",
    method: "POST",
    path: "/api/callbacks/test",
    headers: { "content-type": "application/json" },
    sealedBody: sealBody(raw),
    maskedBody: maskBody(raw),
    remoteIp: null,
  };
  const { eventId } = await intakeEvent(delivery, `k-${crypto.randomUUID()}`, null);
  return eventId;
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
