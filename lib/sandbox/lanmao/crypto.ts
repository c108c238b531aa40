import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from "node:crypto";

/**
 * The twin's own SHA1withRSA (Sign/Verify streams rather than the console's one-shot calls),
 * so a misreading of §1.5 shared by both sides' code cannot pass unnoticed.
 */
export function twinSign(text: string, key: KeyObject): string {
  const signer = createSign("SHA1");
  signer.update(Buffer.from(text, "utf8"));
  return signer.sign(key, "base64");
}

export function twinVerify(text: string, signature: string, key: KeyObject): boolean {
  try {
    const verifier = createVerify("SHA1");
    verifier.update(Buffer.from(text, "utf8"));
    return verifier.verify(key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

const pem = (v: string) => (v.includes("-----BEGIN") ? v.replace(/\\n/g, "\n") : v);
export const toPrivateKey = (v: string | KeyObject) => (typeof v === "string" ? createPrivateKey(pem(v)) : v);
/** A public key from a public PEM, or the public half of a private one. */
export const toPublicKey = (v: string | KeyObject) => (typeof v === "string" ? createPublicKey(pem(v)) : v.type === "private" ? createPublicKey(v) : v);
