import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptFileBytes, encryptFileBytes, FileCryptoError } from "./crypto";
import { PNG_1PX } from "./test-images";

const key = crypto.randomBytes(32);

describe("file encryption", () => {
  it("round-trips, with a fresh IV every time", () => {
    const a = encryptFileBytes(PNG_1PX, key, "file-1");
    const b = encryptFileBytes(PNG_1PX, key, "file-1");
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(0, 4).toString("latin1")).toBe("COF\x01");
    expect(decryptFileBytes(a, key, "file-1").equals(PNG_1PX)).toBe(true);
  });

  it("refuses a flipped byte anywhere, another file's context, another key, a truncation", () => {
    const blob = encryptFileBytes(PNG_1PX, key, "file-1");
    for (const index of [3, 4, 20, 30, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[index] ^= 0x01;
      expect(() => decryptFileBytes(tampered, key, "file-1")).toThrow(FileCryptoError);
    }
    expect(() => decryptFileBytes(blob, key, "file-2")).toThrow(FileCryptoError);
    expect(() => decryptFileBytes(blob, crypto.randomBytes(32), "file-1")).toThrow(FileCryptoError);
    expect(() => decryptFileBytes(blob.subarray(0, 31), key, "file-1")).toThrow(/truncated/);
  });

  it("refuses a key of the wrong size", () => {
    expect(() => encryptFileBytes(PNG_1PX, crypto.randomBytes(16), "file-1")).toThrow(FileCryptoError);
  });
});
