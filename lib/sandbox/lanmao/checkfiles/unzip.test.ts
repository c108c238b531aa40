import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zipFiles } from "@/lib/reconciliation/vendor/zip";
import { unzip, ZipError } from "./unzip";

describe("unzip", () => {
  it("reads back what the console's zip writer wrote (any names and bytes)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 40 }), data: fc.uint8Array({ maxLength: 2000 }) }), { maxLength: 8 }), (entries) => {
        const files = entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
        expect(unzip(zipFiles(files))).toEqual(files);
      }),
    );
  });

  it("reads an archive written by Info-ZIP (stored and deflated entries, a comment)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unzip-"));
    try {
      fs.writeFileSync(path.join(dir, "a.txt"), "a|b\n".repeat(500));
      fs.writeFileSync(path.join(dir, "b.txt"), "x");
      execFileSync("zip", ["-q", "-z", path.join(dir, "out.zip"), "a.txt"], { cwd: dir, input: "a comment\n" });
      execFileSync("zip", ["-q", "-0", path.join(dir, "out.zip"), "b.txt"], { cwd: dir });
      const out = unzip(fs.readFileSync(path.join(dir, "out.zip")));
      expect(out.map((e) => [e.name, e.data.toString()])).toEqual([
        ["a.txt", "a|b\n".repeat(500)],
        ["b.txt", "x"],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses damaged archives with a ZipError, never a crash", () => {
    const good = zipFiles([{ name: "a.txt", data: Buffer.from("hello hello hello") }]);
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Buffer.from(good);
        bad[at]! ^= xor;
        try {
          const out = unzip(bad);
          // A flipped bit in a field the reader does not need (times, versions) leaves the content intact.
          expect(out[0]!.data.toString()).toBe("hello hello hello");
        } catch (e) {
          expect(e).toBeInstanceOf(ZipError);
        }
      }),
    );
    for (let n = 0; n < good.length; n++) expect(() => unzip(good.subarray(0, n))).toThrow(ZipError);
  });

  it("stops inflating at the declared size (a zip bomb) and caps entries", () => {
    const big = zipFiles([{ name: "a.txt", data: Buffer.alloc(10_000) }]);
    const lying = Buffer.from(big);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24); // declares 100 bytes
    expect(() => unzip(lying)).toThrow(ZipError);
    expect(() => unzip(big, { maxEntries: 64, maxBytes: 9_999 })).toThrow(/larger than/);
    expect(() => unzip(zipFiles([{ name: "a", data: Buffer.from("") }, { name: "b", data: Buffer.from("") }]), { maxEntries: 1, maxBytes: 10 })).toThrow(/entries/);
  });
});
