import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blindIndex, normalizePiiValue, type BlindIndexKind } from "./blind-index";

const key = randomBytes(32);
const kinds: BlindIndexKind[] = ["id", "mobile", "card"];

describe("blindIndex", () => {
  it("is deterministic hex HMAC-SHA256", () => {
    const a = blindIndex("16612342002", "mobile", key);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex("16612342002", "mobile", key)).toBe(a);
  });

  it("matches known vectors (computed with openssl dgst -sha256 -hmac)", () => {
    // printf 'mobile:16612342002' | openssl dgst -sha256 -hmac kkkk…k (32 × "k")
    const fixed = Buffer.alloc(32, "k");
    expect(blindIndex("166 1234-2002", "mobile", fixed)).toBe(
      "f98fc897f846dc862c4438e5d9f71d74d217c8998078b36729480f9fa0d29183",
    );
    expect(blindIndex("11010519491231002x", "id", fixed)).toBe(
      "33318b656ffde6ec08b153a65684362eb5737b522fc59d85829a9a44cba855bc",
    );
  });

  it("separates kinds: the same digits never collide across kinds (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,19}$/), (digits) => {
        const values = kinds.map((k) => blindIndex(digits, k, key));
        expect(new Set(values).size).toBe(kinds.length);
      }),
    );
  });

  it("depends on the key", () => {
    expect(blindIndex("16612342002", "mobile", key)).not.toBe(
      blindIndex("16612342002", "mobile", randomBytes(32)),
    );
  });

  it("normalizes whitespace, hyphens and the ID's trailing x", () => {
    const id = blindIndex("11010519491231002X", "id", key);
    expect(blindIndex(" 110105 1949-1231 002x ", "id", key)).toBe(id);
    expect(blindIndex("166-1234-2002", "mobile", key)).toBe(blindIndex("16612342002", "mobile", key));
    expect(blindIndex("6222 0212 3456 7894", "card", key)).toBe(blindIndex("6222021234567894", "card", key));
  });

  it("upper-cases only the ID's trailing x", () => {
    expect(normalizePiiValue("11010519491231002x", "id")).toBe("11010519491231002X");
    expect(normalizePiiValue("abcx", "card")).toBe("abcx");
    expect(normalizePiiValue("x1", "id")).toBe("x1");
  });

  it("finds a name however it is typed: NFKC, whitespace, Latin case, middle dots", () => {
    const li = blindIndex("李明", "name", key);
    expect(blindIndex(" 李 明 ", "name", key)).toBe(li);
    expect(blindIndex("李\u3000明", "name", key)).toBe(li); // ideographic space
    expect(blindIndex("李明明", "name", key)).not.toBe(li);
    expect(blindIndex("John Smith", "name", key)).toBe(blindIndex("ＪＯＨＮ　ＳＭＩＴＨ", "name", key));
    expect(blindIndex("阿依古丽·买买提", "name", key)).toBe(blindIndex("阿依古丽・买买提", "name", key));
    expect(normalizePiiValue(" Ｊean-Luc O'Neil ", "name")).toBe("jean-luco'neil");
  });

  it("keeps names apart from numbers: the kind is part of the hash", () => {
    expect(blindIndex("13800138000", "name", key)).not.toBe(blindIndex("13800138000", "mobile", key));
  });

  it("refuses empty values, short keys and unknown kinds", () => {
    expect(() => blindIndex("  - ", "mobile", key)).toThrow(/empty/);
    expect(() => blindIndex("1", "mobile", randomBytes(16))).toThrow(/at least 32 bytes/);
    expect(() => blindIndex("1", "email" as BlindIndexKind, key)).toThrow(/Unknown/);
  });
});
