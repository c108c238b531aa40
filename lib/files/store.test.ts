import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/lib/test/factories";
import { FileCryptoError } from "./crypto";
import { readFile, saveFile } from "./store";
import { JPEG_HEAD } from "./test-images";

// dataDir() reads CREDITOPS_DATA_DIR on every call, so stubbing it before the first save is enough.
let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-files-test-"));
  vi.stubEnv("CREDITOPS_DATA_DIR", folder);
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(folder, { recursive: true, force: true });
});

const save = (bytes: Uint8Array = JPEG_HEAD) => saveFile(testDb(), { bytes, mimeType: "image/jpeg", purpose: "id-card-front" });

describe("file store", () => {
  it("round-trips the bytes and records size, sha256 and a relative path", async () => {
    const row = await save();
    expect(row).toMatchObject({ mimeType: "image/jpeg", purpose: "id-card-front", sizeBytes: JPEG_HEAD.length, createdById: null });
    expect(row.sha256).toBe(crypto.createHash("sha256").update(JPEG_HEAD).digest("hex"));
    const month = `${row.createdAt.getUTCFullYear()}/${String(row.createdAt.getUTCMonth() + 1).padStart(2, "0")}`;
    expect(row.storagePath).toBe(`files/${month}/${row.id}.bin`);

    const read = await readFile(testDb(), row.id);
    expect(read?.row.id).toBe(row.id);
    expect(read?.bytes.equals(JPEG_HEAD)).toBe(true);
  });

  it("keeps only ciphertext on disk, readable by the owner alone, with no temp files left", async () => {
    const row = await save();
    const file = path.join(folder, row.storagePath);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(JPEG_HEAD)).toBe(false);
    expect(onDisk.includes(Buffer.from("synthetic-id-card-portrait-side"))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("throws when a byte on disk was changed", async () => {
    const row = await save();
    const file = path.join(folder, row.storagePath);
    const blob = fs.readFileSync(file);
    blob[blob.length - 5] ^= 0xff;
    fs.writeFileSync(file, blob);
    await expect(readFile(testDb(), row.id)).rejects.toThrow(FileCryptoError);
  });

  it("throws when another file's blob is copied over this one's", async () => {
    const [a, b] = [await save(), await save(Buffer.concat([JPEG_HEAD, Buffer.from("other")]))];
    fs.copyFileSync(path.join(folder, b.storagePath), path.join(folder, a.storagePath));
    await expect(readFile(testDb(), a.id)).rejects.toThrow(FileCryptoError);
  });

  it("answers null for an unknown id", async () => {
    expect(await readFile(testDb(), "no-such-file")).toBeNull();
  });

  it("removes the written file when the row cannot be inserted", async () => {
    const before = fs.existsSync(path.join(folder, "files")) ? listFiles(path.join(folder, "files")) : [];
    // A purpose the column cannot hold (NUL is refused by PostgreSQL text) makes the insert fail.
    await expect(saveFile(testDb(), { bytes: JPEG_HEAD, mimeType: "image/jpeg", purpose: "bad\0purpose" })).rejects.toThrow();
    expect(listFiles(path.join(folder, "files"))).toEqual(before);
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".bin")).sort();
}
