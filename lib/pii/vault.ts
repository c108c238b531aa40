import "server-only";
import { env } from "@/lib/env";
import { blindIndex } from "./blind-index";
import { decryptBytes, decryptField, encryptBytes, encryptField, parseKey } from "./crypto";

/**
 * The PII primitives bound to the configured keys. Everything that stores an ID number,
 * mobile or bank card goes through here: encrypted value + blind index for exact search.
 */
let keys: { enc: Buffer; idx: Buffer } | undefined;

function loadKeys() {
  keys ??= { enc: parseKey(env().piiEncryptionKey), idx: parseKey(env().piiIndexKey, "PII_INDEX_KEY") };
  return keys;
}

export type PiiKind = "id" | "mobile" | "card";

export function encryptPii(plaintext: string): string {
  return encryptField(plaintext, loadKeys().enc);
}

export function decryptPii(token: string): string {
  return decryptField(token, loadKeys().enc);
}

/** Raw bytes (e.g. a callback body) under the same key, in binary form for a `bytea` column. */
export function encryptPiiBytes(plain: Uint8Array): Buffer {
  return encryptBytes(plain, loadKeys().enc);
}

export function decryptPiiBytes(sealed: Uint8Array): Buffer {
  return decryptBytes(sealed, loadKeys().enc);
}

export function indexPii(value: string, kind: PiiKind): string {
  return blindIndex(value, kind, loadKeys().idx);
}

/** Encrypted value and blind index together, the shape stored in `<field>Enc` / `<field>Idx`. */
export function protectPii(value: string, kind: PiiKind) {
  return { enc: encryptPii(value), idx: indexPii(value, kind) };
}
