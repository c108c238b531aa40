import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM encryption of single personal-data fields (ID, mobile, bank card).
 *
 * Token layout: `v1.<iv>.<ciphertext>.<tag>`, each part base64url without padding.
 * The version prefix lets us rotate algorithm or key later without guessing what an
 * old row holds. Keys are parameters: this module never reads the environment.
 */

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
// 96-bit IVs are the size GCM is specified for; other sizes go through an extra GHASH.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

export class PiiCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PiiCryptoError";
  }
}

/**
 * Fresh random IVs, taken from a block of CSPRNG bytes fetched 256 IVs at a time: one call into
 * the generator per block instead of per message (on the callback hot path that call cost more
 * than the encryption). Every IV is handed out once, so none repeats under a key.
 */
const IV_BLOCK = IV_BYTES * 256;
let ivBlock = Buffer.alloc(0);
let ivOffset = 0;
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BLOCK);
    ivOffset = 0;
  }
  const iv = ivBlock.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new PiiCryptoError(`PII encryption key must be ${KEY_BYTES} bytes`);
  }
}

/**
 * Decode base64url strictly: Node's decoder silently skips junk characters, which would
 * let a corrupted token decode to *something*. Re-encoding must give back the input.
 */
function decodePart(part: string, what: string): Buffer {
  const buf = Buffer.from(part, "base64url");
  if (!B64URL.test(part) || buf.toString("base64url") !== part) {
    throw new PiiCryptoError(`Malformed PII token: ${what} is not valid base64url`);
  }
  return buf;
}

/**
 * Parse a configured key: 32 random bytes in base64 (`PII_ENCRYPTION_KEY` by default;
 * pass `name` to reuse this for e.g. the blind-index key). Standard and URL-safe alphabets
 * are both accepted; the key itself never appears in errors.
 */
export function parseKey(base64: string, name = "PII_ENCRYPTION_KEY"): Buffer {
  const hint = "generate one with `openssl rand -base64 32`";
  const text = typeof base64 === "string" ? base64.trim() : "";
  if (!text) throw new PiiCryptoError(`${name} is empty; ${hint}`);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    throw new PiiCryptoError(`${name} is not valid base64; ${hint}`);
  }
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== KEY_BYTES) {
    throw new PiiCryptoError(`${name} must decode to ${KEY_BYTES} bytes, got ${key.length}; ${hint}`);
  }
  return key;
}

/** Encrypt one field. A fresh random IV per call: GCM breaks down if an IV repeats under a key. */
export function encryptField(plaintext: string, key: Buffer): string {
  assertKey(key);
  if (typeof plaintext !== "string") throw new PiiCryptoError("encryptField expects a string");
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Decrypt a token from {@link encryptField}; throws PiiCryptoError on any defect. */
export function decryptField(token: string, key: Buffer): string {
  assertKey(key);
  if (typeof token !== "string") throw new PiiCryptoError("Malformed PII token: not a string");
  const parts = token.split(".");
  if (parts.length !== 4) throw new PiiCryptoError("Malformed PII token: expected 4 parts");
  const [version, ivPart, ctPart, tagPart] = parts;
  if (version !== VERSION) {
    throw new PiiCryptoError(`Unsupported PII token version "${version.slice(0, 8)}"`);
  }
  const iv = decodePart(ivPart, "IV");
  const ciphertext = decodePart(ctPart, "ciphertext");
  const tag = decodePart(tagPart, "tag");
  if (iv.length !== IV_BYTES) throw new PiiCryptoError("Malformed PII token: bad IV length");
  // A short tag would weaken authentication, so only the full 16 bytes are accepted.
  if (tag.length !== TAG_BYTES) throw new PiiCryptoError("Malformed PII token: bad tag length");

  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new PiiCryptoError(
      "PII token failed authentication: it was tampered with or the key is wrong",
    );
  }
}

/** True when the value looks like a token from this module (used to avoid double encryption). */
export function isEncryptedField(value: unknown): value is string {
  return typeof value === "string" && /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/.test(value);
}

/** Binary layout of {@link encryptBytes}: a version byte (never `v`, the text tokens' first byte), IV, tag, ciphertext. */
const BYTES_VERSION = 0x01;

/** Encrypt raw bytes (a callback body as sent, NUL bytes included) into a compact binary form. */
export function encryptBytes(plain: Uint8Array, key: Buffer): Buffer {
  assertKey(key);
  const head = 1 + IV_BYTES + TAG_BYTES;
  const out = Buffer.allocUnsafe(head + plain.byteLength);
  out[0] = BYTES_VERSION;
  const iv = freshIv();
  iv.copy(out, 1);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  // GCM is a stream mode: the ciphertext is exactly as long as the plaintext.
  let at = head + cipher.update(plain).copy(out, head);
  at += cipher.final().copy(out, at);
  if (at !== out.length) throw new PiiCryptoError("AES-GCM output length mismatch");
  cipher.getAuthTag().copy(out, 1 + IV_BYTES);
  return out;
}

/** Decrypt {@link encryptBytes} output; throws PiiCryptoError on any defect. */
export function decryptBytes(sealed: Uint8Array, key: Buffer): Buffer {
  assertKey(key);
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== BYTES_VERSION) throw new PiiCryptoError("Malformed encrypted bytes");
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new PiiCryptoError("Encrypted bytes failed authentication: they were tampered with or the key is wrong");
  }
}
