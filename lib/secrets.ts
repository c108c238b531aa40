import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/paths";

/**
 * Secrets generated on first run when the console runs against the vendor sandbox
 * (design.md §1): kept in `.data/secrets.json`, git-ignored, mode 0600. Live deployments
 * set them in the environment and never touch this file.
 */
export type SandboxSecrets = {
  AUTH_SECRET: string;
  PII_ENCRYPTION_KEY: string;
  PII_INDEX_KEY: string;
  FILE_URL_SECRET: string;
  WANWANG_CALLBACK_TOKEN: string;
  LANMAO_PRIVATE_KEY: string;
  LANMAO_PUBLIC_KEY: string;
  LANMAO_SANDBOX_PRIVATE_KEY: string;
  LANMAO_SANDBOX_PUBLIC_KEY: string;
};

export const secretsFile = () => path.join(dataDir(), "secrets.json");

function generate(): SandboxSecrets {
  const rand = (n: number) => crypto.randomBytes(n).toString("base64");
  const rsa = () =>
    crypto.generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
  const platform = rsa();
  const custody = rsa();
  return {
    AUTH_SECRET: rand(32),
    PII_ENCRYPTION_KEY: rand(32),
    PII_INDEX_KEY: rand(32),
    FILE_URL_SECRET: rand(32),
    WANWANG_CALLBACK_TOKEN: crypto.randomBytes(24).toString("hex"),
    // Our platform key pair (we sign, the custody side verifies) and the custody side's pair
    // (the sandbox signs, we verify) — two pairs, as in production.
    LANMAO_PRIVATE_KEY: platform.privateKey,
    LANMAO_PUBLIC_KEY: custody.publicKey,
    LANMAO_SANDBOX_PRIVATE_KEY: custody.privateKey,
    LANMAO_SANDBOX_PUBLIC_KEY: platform.publicKey,
  };
}

/** Reads the secrets file, creating it or filling in missing entries when needed. */
export function ensureSandboxSecrets(file = secretsFile()): SandboxSecrets {
  const existing = readSandboxSecrets(file) ?? {};
  const fresh = generate();
  const missing = (Object.keys(fresh) as (keyof SandboxSecrets)[]).filter((k) => !existing[k]);
  if (missing.length === 0) return existing as SandboxSecrets;
  const merged = { ...fresh, ...existing } as SandboxSecrets;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return merged;
}

export function readSandboxSecrets(file = secretsFile()): Partial<SandboxSecrets> | null {
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as Partial<SandboxSecrets>;
  } catch {
    return null;
  }
}
