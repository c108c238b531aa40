import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import type { StoredFile } from "@/lib/generated/prisma/client";
import { dataDir } from "@/lib/paths";
import { parseKey } from "@/lib/pii/crypto";
import { createFileEncryptor, decryptFileBytes, encryptFileBytes, FILE_TAG_OFFSET } from "./crypto";

/**
 * Uploaded files (ID-card photos) at rest: encrypted with the PII key, one file per upload
 * under `<dataDir>/files/<yyyy>/<mm>/<id>.bin`, described by a `StoredFile` row. Contents
 * are personal data (design.md §5): nothing here logs them, and error messages name ids only.
 */

const FILES_DIR = "files";

export type SaveFileInput = {
  bytes: Uint8Array;
  /** The detected type (see checkIdPhoto), answered as Content-Type when the file is served. */
  mimeType: string;
  /** What the file is for, e.g. "id-card-front"; free text kept for operators. */
  purpose: string;
  createdById?: string | null;
};

function fileKey(): Buffer {
  return parseKey(env().piiEncryptionKey);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Relative to dataDir(), with forward slashes so a row stays valid if the data folder moves. */
function storagePathFor(id: string, at: Date): string {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, "0");
  return path.posix.join(FILES_DIR, yyyy, mm, `${id}.bin`);
}

/** The absolute path of a row's file, refusing anything that would leave the files folder. */
function absolutePath(storagePath: string): string {
  const root = path.join(dataDir(), FILES_DIR);
  const abs = path.resolve(dataDir(), storagePath);
  if (!abs.startsWith(root + path.sep)) throw new Error(`Stored file path escapes the files folder: ${storagePath}`);
  return abs;
}

/** Temp file + rename: a reader (or a crash) never sees a half-written file under the final name. */
async function writeAtomically(target: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    // "wx": never follow or reuse an existing file; 0600 because the content is personal data.
    const handle = await fs.open(temp, "wx", 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Encrypts and stores a file, then records it. The file is written before the row so a row
 * never points at nothing; if the insert fails the file is removed again. (Inside a caller's
 * transaction that later rolls back, the file stays behind as an unreferenced orphan — harmless,
 * as it is encrypted and unreachable without a row.)
 */
export async function saveFile(db: DbOrTx, input: SaveFileInput): Promise<StoredFile> {
  if (!(input.bytes instanceof Uint8Array) || input.bytes.length === 0) throw new Error("saveFile needs a non-empty byte array");
  // The id is chosen here, not by the database, because it names the file and is bound into
  // the ciphertext (a blob copied over another file's path fails to decrypt).
  const id = randomBytes(16).toString("hex");
  const createdAt = new Date();
  const storagePath = storagePathFor(id, createdAt);
  const target = absolutePath(storagePath);

  await writeAtomically(target, encryptFileBytes(input.bytes, fileKey(), id));
  try {
    return await db.storedFile.create({
      data: {
        id,
        purpose: input.purpose,
        mimeType: input.mimeType,
        sizeBytes: input.bytes.length,
        sha256: sha256Hex(input.bytes),
        storagePath,
        createdById: input.createdById ?? null,
        createdAt,
      },
    });
  } catch (err) {
    await fs.rm(target, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Loads and decrypts a stored file. `null` when no row has this id; throws when the row
 * exists but its file is missing, altered, or does not match the recorded size and hash.
 */
export async function readFile(db: DbOrTx, id: string): Promise<{ row: StoredFile; bytes: Buffer } | null> {
  const row = await db.storedFile.findUnique({ where: { id } });
  if (!row) return null;
  const blob = await fs.readFile(absolutePath(row.storagePath));
  const bytes = decryptFileBytes(blob, fileKey(), row.id);
  // GCM already authenticates the content; this also catches a row edited to describe another file.
  if (bytes.length !== row.sizeBytes || sha256Hex(bytes) !== row.sha256) {
    throw new Error(`Stored file ${row.id} does not match its recorded size or sha256`);
  }
  return { row, bytes };
}

/** Removes a stored file, row and bytes (an upload whose record was never saved; the orphan sweep). */
export async function deleteFile(db: DbOrTx, id: string): Promise<void> {
  const row = await db.storedFile.findUnique({ where: { id }, select: { storagePath: true } });
  if (!row) return;
  await db.storedFile.delete({ where: { id } });
  await fs.rm(absolutePath(row.storagePath), { force: true });
}

/**
 * A file written while it streams in (a 30 MB upload is never held in memory): encrypted
 * chunk by chunk into a temp file beside its final place, hashed as it goes, keeping only its
 * first and last bytes for content checks. `commit` moves it under its final name and records
 * the row; `abort` removes it — every refusal leaves nothing behind. A crash in between leaves
 * a `.tmp` stray that sweepOrphanFiles removes.
 */
export type StreamedFile = {
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the stream: size, SHA-256, the first `headBytes` and last `tailBytes` of the plaintext. */
  finish(): Promise<{ sizeBytes: number; sha256: string; head: Buffer; tail: Buffer }>;
  commit(db: DbOrTx, meta: Omit<SaveFileInput, "bytes">): Promise<StoredFile>;
  abort(): Promise<void>;
};

export async function beginStreamedFile(opts: { headBytes?: number; tailBytes?: number } = {}): Promise<StreamedFile> {
  const headBytes = opts.headBytes ?? 16;
  const tailBytes = opts.tailBytes ?? 1024;
  const id = randomBytes(16).toString("hex");
  const createdAt = new Date();
  const storagePath = storagePathFor(id, createdAt);
  const target = absolutePath(storagePath);
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const handle = await fs.open(temp, "wx", 0o600);
  const encryptor = createFileEncryptor(fileKey(), id);
  const hash = createHash("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let closed = false;
  let done: { sizeBytes: number; sha256: string } | null = null;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  try {
    await handle.write(encryptor.head);
  } catch (err) {
    await close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw err;
  }
  return {
    async write(chunk) {
      if (done || closed) throw new Error("streamed file already finished");
      if (chunk.byteLength === 0) return;
      size += chunk.byteLength;
      hash.update(chunk);
      if (head.length < headBytes) head = Buffer.concat([head, Buffer.from(chunk.subarray(0, headBytes - head.length))]);
      tail = Buffer.concat([tail, Buffer.from(chunk)]);
      if (tail.length > tailBytes) tail = Buffer.from(tail.subarray(tail.length - tailBytes));
      await handle.write(encryptor.update(chunk));
    },
    async finish() {
      if (!done) {
        const { rest, tag } = encryptor.final();
        await handle.write(rest);
        await handle.write(tag, 0, tag.length, FILE_TAG_OFFSET);
        await handle.sync();
        await close();
        done = { sizeBytes: size, sha256: hash.digest("hex") };
      }
      return { ...done, head, tail };
    },
    async commit(db, meta) {
      if (!done) throw new Error("finish a streamed file before committing it");
      if (done.sizeBytes === 0) throw new Error("a stored file is never empty");
      await fs.rename(temp, target);
      try {
        return await db.storedFile.create({
          data: { id, purpose: meta.purpose, mimeType: meta.mimeType, sizeBytes: done.sizeBytes, sha256: done.sha256, storagePath, createdById: meta.createdById ?? null, createdAt },
        });
      } catch (err) {
        await fs.rm(target, { force: true }).catch(() => undefined);
        throw err;
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await fs.rm(temp, { force: true });
    },
  };
}
