import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for whole files (the buffer counterpart of lib/pii/crypto.ts's field tokens).
 *
 * Layout: `COF` + version byte 0x01 | 12-byte IV | 16-byte tag | ciphertext.
 * The header is authenticated together with a caller-supplied context (the file's id), so a
 * blob copied over another file's path, or a header edited to claim another version, fails
 * authentication instead of decrypting. Keys are parameters: this module never reads the
 * environment.
 */

const MAGIC = Buffer.from("COF", "ascii");
const VERSION = 0x01;
const HEADER = Buffer.concat([MAGIC, Buffer.from([VERSION])]);
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
// 96-bit IVs are the size GCM is specified for.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const OVERHEAD = HEADER.length + IV_BYTES + TAG_BYTES;

export class FileCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileCryptoError";
  }
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new FileCryptoError(`File encryption key must be ${KEY_BYTES} bytes`);
}

function aad(context: string): Buffer {
  return Buffer.concat([HEADER, Buffer.from(context, "utf8")]);
}

/** Encrypt a file's bytes. A fresh random IV per call: GCM breaks down if an IV repeats under a key. */
export function encryptFileBytes(plaintext: Uint8Array, key: Buffer, context: string): Buffer {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([HEADER, iv, cipher.getAuthTag(), ciphertext]);
}

/** Decrypt a blob from {@link encryptFileBytes}; throws FileCryptoError on any defect. */
export function decryptFileBytes(blob: Uint8Array, key: Buffer, context: string): Buffer {
  assertKey(key);
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf.length < OVERHEAD) throw new FileCryptoError("Encrypted file is truncated");
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new FileCryptoError("Not an encrypted file of this console");
  if (buf[MAGIC.length] !== VERSION) throw new FileCryptoError(`Unsupported encrypted file version ${buf[MAGIC.length]}`);
  const iv = buf.subarray(HEADER.length, HEADER.length + IV_BYTES);
  const tag = buf.subarray(HEADER.length + IV_BYTES, OVERHEAD);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(buf.subarray(OVERHEAD)), decipher.final()]);
  } catch {
    throw new FileCryptoError("Encrypted file failed authentication: it was tampered with, moved, or the key is wrong");
  }
}

/** Where the tag sits in a blob: a streamed writer leaves these bytes zero and fills them at the end. */
export const FILE_TAG_OFFSET = HEADER.length + IV_BYTES;

/**
 * The streaming form of {@link encryptFileBytes} for uploads too large to hold in memory: the
 * same layout, so {@link decryptFileBytes} reads it. `head` is written first (its tag bytes
 * zero), then every `update`, then `final`'s bytes; `final().tag` goes at {@link FILE_TAG_OFFSET}.
 */
export function createFileEncryptor(key: Buffer, context: string) {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  return {
    head: Buffer.concat([HEADER, iv, Buffer.alloc(TAG_BYTES)]),
    update: (chunk: Uint8Array): Buffer => cipher.update(chunk),
    final: (): { rest: Buffer; tag: Buffer } => {
      const rest = cipher.final();
      return { rest, tag: cipher.getAuthTag() };
    },
  };
}
