import "server-only";
import { maskPiiInObject, maskPiiInText } from "@/lib/pii/mask";
import { decryptPii, decryptPiiBytes, encryptPiiBytes } from "@/lib/pii/vault";

/**
 * Callback bodies as stored: the bytes as sent, encrypted (`bytea`), and a masked copy safe to
 * show. Bytes rather than text because a vendor (or an attacker) may send a NUL or invalid
 * UTF-8, which a PostgreSQL `text` column refuses: the delivery must be on record whatever it is.
 */
export const sealBody = (raw: Uint8Array): Buffer => encryptPiiBytes(raw);

/** Rows written before bodies were bytes hold the text token `v1.…` (as its UTF-8 bytes). */
export function readStoredBody(stored: Uint8Array): Buffer {
  const text = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (text.subarray(0, 3).toString("latin1") === "v1.") return Buffer.from(decryptPii(text.toString("utf8")), "utf8");
  return decryptPiiBytes(stored);
}

/** Control characters other than tab and newlines, NUL first among them: never shown, never sent to `text`. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const withoutControlChars = (text: string) => text.replace(CONTROL, "\ufffd");

/**
 * The display copy: personal data masked, control bytes replaced. `parsed` is the body already
 * parsed by the event (a JSON value or form fields), so it is not parsed a second time.
 */
export function maskBody(raw: Uint8Array, parsed?: unknown): string {
  const masked = parsed === undefined ? maskPiiInText(Buffer.from(raw).toString("utf8")) : JSON.stringify(maskPiiInObject(parsed));
  return withoutControlChars(masked);
}
