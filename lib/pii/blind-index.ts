import { createHmac } from "node:crypto";

/**
 * Blind index: a keyed hash stored beside an encrypted field so exact-match search works
 * without decrypting every row. HMAC (not a bare hash) because ID and mobile numbers have
 * so little entropy that an unkeyed hash is reversed by enumeration in minutes.
 *
 * Use a key distinct from the encryption key, so leaking one does not weaken the other.
 */

export type BlindIndexKind = "id" | "mobile" | "card" | "name";

const KINDS: ReadonlySet<string> = new Set<BlindIndexKind>(["id", "mobile", "card", "name"]);
// The same floor as the encryption key; shorter HMAC keys are legal but needlessly weak.
const MIN_KEY_BYTES = 32;

/**
 * Canonical form used for hashing: what a person types ("1661234 2002", "5110…617x")
 * must find what was stored. Spaces and hyphens are separators, never data.
 */
export function normalizePiiValue(value: string, kind: BlindIndexKind): string {
  if (kind === "name") return normalizeName(value);
  const compact = String(value ?? "").trim().replace(/[\s-]+/g, "");
  // Only the ID's check digit can be a letter; its lower-case form is a common typing variant.
  return kind === "id" ? compact.replace(/x$/, "X") : compact;
}

/**
 * A full name as an officer may type it: NFKC (full-width letters and compatibility forms become
 * their plain forms), every whitespace removed (`李 明` is `李明`, `John Smith` is `johnsmith`),
 * lower-cased (Chinese has no case, so in practice this is the Latin letters), and the middle dots of transliterated names (`·`, `•`, `・`, `‧`) made one.
 * Hyphens and apostrophes stay: they are part of a name.
 */
function normalizeName(value: string): string {
  return String(value ?? "")
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(/[\u00B7\u2022\u2027\u30FB\uFF65]/gu, "\u00B7")
    .toLowerCase();
}

/**
 * Hex HMAC-SHA256 of `kind + ":" + normalize(value)`. The kind prefix keeps an 11-digit
 * mobile and an identical card-number string from sharing an index value; ":" cannot occur
 * in a kind, so the prefix is unambiguous.
 */
export function blindIndex(value: string, kind: BlindIndexKind, key: Buffer): string {
  if (!KINDS.has(kind)) throw new Error(`Unknown blind index kind "${String(kind)}"`);
  if (!Buffer.isBuffer(key) || key.length < MIN_KEY_BYTES) {
    throw new Error(`Blind index key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  const normalized = normalizePiiValue(value, kind);
  // An empty value would hash to one shared constant and "match" every other empty row.
  if (!normalized) throw new Error(`Cannot build a blind index for an empty ${kind}`);
  return createHmac("sha256", key).update(`${kind}:${normalized}`, "utf8").digest("hex");
}
