import "server-only";
import { env } from "@/lib/env";
import { blindIndex } from "./blind-index";
import { decryptBytes, decryptField, encryptBytes, encryptField, parseKey } from "./crypto";
import { maskAddress, maskName } from "./mask";

/**
 * The PII primitives bound to the configured keys. Everything that stores an ID number,
 * mobile, bank card, person name or address goes through here: encrypted value (+ blind
 * index where we search by it) + masked copy for display.
 */
let keys: { enc: Buffer; idx: Buffer } | undefined;

function loadKeys() {
  keys ??= { enc: parseKey(env().piiEncryptionKey), idx: parseKey(env().piiIndexKey, "PII_INDEX_KEY") };
  return keys;
}

export type PiiKind = "id" | "mobile" | "card" | "name";

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

type NameColumns<F extends string> = { [K in `${F}Enc` | `${F}Idx` | `${F}Masked`]: string };
type AddressColumns<F extends string> = { [K in `${F}Enc` | `${F}Masked`]: string };
type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * A person's name as stored (design.md §5): `<field>Enc` (AES-256-GCM), `<field>Idx` (blind
 * index over the normalised name, for the exact full-name search) and `<field>Masked` (陈*良).
 * The one way a write path stores a name — order creation, profiles, seeds, callbacks.
 */
export function nameColumns<F extends string>(field: F, value: string): NameColumns<F> {
  return { [`${field}Enc`]: encryptPii(value), [`${field}Idx`]: indexPii(value, "name"), [`${field}Masked`]: maskName(value) } as NameColumns<F>;
}

/** An address as stored: `<field>Enc` and `<field>Masked` (no index: nobody searches by address). */
export function addressColumns<F extends string>(field: F, value: string): AddressColumns<F> {
  return { [`${field}Enc`]: encryptPii(value), [`${field}Masked`]: maskAddress(value) } as AddressColumns<F>;
}

/** {@link nameColumns} for an optional field: all three null when there is no name. */
export function optionalNameColumns<F extends string>(field: F, value: string | null | undefined): Nullable<NameColumns<F>> {
  if (value) return nameColumns(field, value);
  return { [`${field}Enc`]: null, [`${field}Idx`]: null, [`${field}Masked`]: null } as Nullable<NameColumns<F>>;
}

/** {@link addressColumns} for an optional field. */
export function optionalAddressColumns<F extends string>(field: F, value: string | null | undefined): Nullable<AddressColumns<F>> {
  if (value) return addressColumns(field, value);
  return { [`${field}Enc`]: null, [`${field}Masked`]: null } as Nullable<AddressColumns<F>>;
}

/** Decrypts a stored field that may be absent (optional fields; rows the data step has not reached). */
export function decryptOptionalPii(token: string | null | undefined): string | undefined {
  return token ? decryptPii(token) : undefined;
}

/**
 * Decrypts a stored field the caller cannot do without (a vendor requires it). Absent only on
 * a row written before the encryption migration that the data step has not reached: the error
 * names the field and the fix, never a value.
 */
export function decryptRequiredPii(token: string | null | undefined, field: string): string {
  if (!token) throw new Error(`${field} has no encrypted value: run \`npm run db:migrate\` to encrypt rows stored in clear`);
  return decryptPii(token);
}
