import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptBytes, decryptField, encryptBytes, encryptField, isEncryptedField, parseKey, PiiCryptoError } from "./crypto";

const key = randomBytes(32);

/** Decode a token part, flip one bit of one byte, and re-encode it canonically. */
function flipByteInPart(token: string, partIndex: number): string {
  const parts = token.split(".");
  const buf = Buffer.from(parts[partIndex], "base64url");
  buf[0] ^= 0x01;
  parts[partIndex] = buf.toString("base64url");
  return parts.join(".");
}

describe("encryptField / decryptField", () => {
  it("round-trips any string, including Chinese and empty (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constant("")), (s) => {
        expect(decryptField(encryptField(s, key), key)).toBe(s);
      }),
    );
    for (const s of ["", "张三丰", "511002199001016174", "𠮷野家 🙂"]) {
      expect(decryptField(encryptField(s, key), key)).toBe(s);
    }
  });

  it("produces the compact v1 layout", () => {
    const token = encryptField("16612342002", key);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(isEncryptedField(token)).toBe(true);
    expect(isEncryptedField("16612342002")).toBe(false);
    expect(token).not.toContain("16612342002");
  });

  it("uses a fresh IV: the same plaintext gives different tokens", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => encryptField("same", key)));
    expect(tokens.size).toBe(50);
    const ivs = new Set([...tokens].map((t) => t.split(".")[1]));
    expect(ivs.size).toBe(50);
  });

  it.each([
    [1, "IV"],
    [2, "ciphertext"],
    [3, "tag"],
  ])("detects a flipped byte in part %i (%s)", (index) => {
    const token = encryptField("511002199001016174", key);
    expect(() => decryptField(flipByteInPart(token, index), key)).toThrow(/tampered|wrong/);
  });

  it("rejects a changed version", () => {
    const token = encryptField("x", key);
    expect(() => decryptField(token.replace(/^v1/, "v2"), key)).toThrow(/version/);
  });

  it("rejects a wrong key", () => {
    const token = encryptField("16612342002", key);
    expect(() => decryptField(token, randomBytes(32))).toThrow(PiiCryptoError);
    expect(() => decryptField(token, randomBytes(32))).toThrow(/tampered with or the key is wrong/);
  });

  it.each([
    ["", "empty"],
    ["v1.abc", "too few parts"],
    ["v1.a.b.c.d", "too many parts"],
    ["v1.!!!!.AAAA.AAAA", "non-base64url"],
    ["v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA", "short IV"],
    ["v1.AAAAAAAAAAAAAAAA.AAAA.AAAA", "short tag"],
  ])("rejects a malformed token (%s: %s)", (token) => {
    expect(() => decryptField(token, key)).toThrow(PiiCryptoError);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => encryptField("x", randomBytes(16))).toThrow(/32 bytes/);
    expect(() => decryptField("v1.a.b.c", Buffer.alloc(0))).toThrow(/32 bytes/);
  });

  it("decrypts a pinned token, so stored rows stay readable across changes to this code", () => {
    // Produced once by encryptField and cross-checked with Python's cryptography AESGCM.
    const token = "v1.qpwMJTc1-dLr_zIP.U-FvbbZN8nMikmwRMQ.KW87K2ywsRLEmyMiLH6DvA";
    expect(decryptField(token, Buffer.alloc(32, 7))).toBe("stable 稳定");
  });
});

describe("parseKey", () => {
  it("accepts 32 bytes in standard or URL-safe base64", () => {
    const raw = randomBytes(32);
    expect(parseKey(raw.toString("base64")).equals(raw)).toBe(true);
    expect(parseKey(` ${raw.toString("base64url")}\n`).equals(raw)).toBe(true);
  });

  it.each([
    ["", /PII_ENCRYPTION_KEY is empty/],
    ["not base64 at all!", /PII_ENCRYPTION_KEY is not valid base64/],
    [randomBytes(16).toString("base64"), /PII_ENCRYPTION_KEY must decode to 32 bytes, got 16/],
    [randomBytes(33).toString("base64"), /PII_ENCRYPTION_KEY must decode to 32 bytes, got 33/],
  ])("rejects %j naming the variable", (input, message) => {
    expect(() => parseKey(input)).toThrow(message);
  });

  it("names another variable when asked", () => {
    expect(() => parseKey("", "PII_INDEX_KEY")).toThrow(/^PII_INDEX_KEY is empty/);
  });

  it("never puts the key material into the error", () => {
    const bad = randomBytes(20).toString("base64");
    expect(() => parseKey(bad)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(bad) }));
  });
});

describe("IVs from the pooled block", () => {
  it("never repeat across block refills, for fields and bytes alike", () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      ivs.add(encryptField("x", key).split(".")[1]!);
      ivs.add(encryptBytes(Buffer.from("x"), key).subarray(1, 13).toString("hex"));
    }
    expect(ivs.size).toBe(2000);
  });

  it("encryptBytes round-trips any bytes, and a flipped bit fails authentication", () => {
    for (const plain of [Buffer.alloc(0), Buffer.from([0, 255, 0]), randomBytes(70_000)]) {
      const sealed = encryptBytes(plain, key);
      expect(sealed.length).toBe(1 + 12 + 16 + plain.length);
      expect(decryptBytes(sealed, key).equals(plain)).toBe(true);
      const tampered = Buffer.from(sealed);
      tampered[tampered.length - 1] ^= 1;
      if (plain.length > 0) expect(() => decryptBytes(tampered, key)).toThrow(PiiCryptoError);
    }
  });
});
