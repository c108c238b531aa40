import crypto from "node:crypto";
import fs from "node:fs";

/**
 * 联银通 signatures (vendor doc 004 §1.5, design.md §3): "SHA1withRSA" — RSASSA-PKCS1-v1_5
 * over SHA-1 — of the exact UTF-8 bytes of `reqData` (requests, signed with the platform's
 * private key) or `respData` (answers and notifications, signed by the custody side), sent
 * Base64. Deterministic, so test vectors are stable. The twin has its own code for this.
 */

export type KeyInput = crypto.KeyObject | string;

/** `LANMAO_PRIVATE_KEY` / `LANMAO_PUBLIC_KEY` are PEM text or a path to a PEM file (design.md §1). */
export function readPem(value: string): string {
  const text = value.trim();
  if (text.startsWith("-----BEGIN")) return text;
  // A PEM pasted into one env line with literal "\n".
  if (text.includes("-----BEGIN")) return text.replace(/\\n/g, "\n");
  return fs.readFileSync(text, "utf8");
}

export function privateKeyFrom(value: KeyInput): crypto.KeyObject {
  return typeof value === "string" ? crypto.createPrivateKey(readPem(value)) : value;
}

export function publicKeyFrom(value: KeyInput): crypto.KeyObject {
  return typeof value === "string" ? crypto.createPublicKey(readPem(value)) : value;
}

/** Base64 SHA1withRSA of `text`'s UTF-8 bytes. */
export function lanmaoSign(text: string | Buffer, privateKey: KeyInput): string {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return crypto.sign("RSA-SHA1", data, privateKeyFrom(privateKey)).toString("base64");
}

/** True only for a well-formed Base64 signature of exactly these bytes; false on any defect. */
export function lanmaoVerify(text: string | Buffer, sign: string | null | undefined, publicKey: KeyInput): boolean {
  if (!sign || !/^[A-Za-z0-9+/]+={0,2}$/.test(sign.trim())) return false;
  try {
    const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    return crypto.verify("RSA-SHA1", data, publicKeyFrom(publicKey), Buffer.from(sign.trim(), "base64"));
  } catch {
    return false;
  }
}
