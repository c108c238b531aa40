import { describe, expect, it } from "vitest";
import { SIGNED_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { ZSignedCallback } from "@/lib/vendors/wanwang/schemas";
import { wanwangSigned, acceptSignedCallback } from "./signed";

const example = JSON.parse(SIGNED_CALLBACK) as Record<string, unknown>;

/** Variants around the document's example: valid, lenient and refused ones. */
const variants: unknown[] = [
  example,
  { ...example, message: null, typeDesc: null },
  { ...example, extra: "dropped", nested: { a: 1 } },
  ...[0, 1, 2, 3, 4, -1, 1.5, -0, "2", " 2 ", "", null, undefined, true, [2], {}].map((type) => ({ ...example, type })),
  ...[0, 1, 2, -0, "0", "1", null, undefined, 0.5].map((reuseFlag) => ({ ...example, reuseFlag })),
  ...[0, -1, 1.5, -0, "1761629299039", Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e300, Infinity, NaN, null, "x"].map((time) => ({ ...example, time })),
  ...["", "CR1", 123, null, undefined, ["CR1"]].map((outsideOrderId) => ({ ...example, outsideOrderId })),
  ...["", "ZX1", 456, null, undefined].map((querySn) => ({ ...example, querySn })),
  ...["", "m", 1, undefined, false].map((message) => ({ ...example, message })),
  ...["", "d", 1, undefined].map((typeDesc) => ({ ...example, typeDesc })),
  null,
  [],
  "text",
  42,
  Object.fromEntries(Object.entries(example).filter(([k]) => k !== "querySn")),
];

describe("acceptSignedCallback (the hand check before zod)", () => {
  it("accepts the document's example with exactly the schema's output", () => {
    const fast = acceptSignedCallback(example);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(ZSignedCallback.parse(example));
  });

  it.each(variants.map((v, i) => [i, v] as const))("variant %i: accepted only when the schema accepts, with the same output", (_i, doc) => {
    const fast = acceptSignedCallback(doc);
    const zod = ZSignedCallback.safeParse(doc);
    if (fast !== undefined) {
      expect(zod.success).toBe(true);
      expect(fast).toStrictEqual(zod.data);
    }
  });

  it("leaves lenient forms and every refusal to the schema, reasons unchanged", () => {
    const parse = wanwangSigned.parse;
    const lenient = parse(Buffer.from(JSON.stringify({ ...example, type: "1", time: String(example.time) })), "application/json");
    expect(lenient).toMatchObject({ ok: true, value: { type: 1, time: example.time } });
    const refused = parse(Buffer.from(JSON.stringify({ ...example, type: 7 })), "application/json");
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.reason).toMatch(/^type: /);
    expect(parse(Buffer.from("{"), "application/json")).toEqual({ ok: false, reason: "body is not valid JSON" });
  });
});
