import { readFileSync } from "node:fs";
import type { KeyObject } from "node:crypto";
import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import { sandboxSecretsFile, twinCredentials } from "../env";
import { toPrivateKey, toPublicKey } from "./crypto";

/**
 * The twin's keys and timings. Keys (design.md §1): the twin signs with its own pair
 * (LANMAO_SANDBOX_PRIVATE_KEY in the console's generated secrets file, whose public half the
 * console holds as LANMAO_PUBLIC_KEY); it verifies our requests with the public half of the
 * platform key in force — LANMAO_PRIVATE_KEY when set (what 联银通 would have been given),
 * else the generated pair's LANMAO_SANDBOX_PUBLIC_KEY. Read lazily, so `npm start` may write
 * the secrets file after the sandbox started.
 */
export interface LanmaoTwinOptions {
  signingKey?: string | KeyObject;
  platformPublicKey?: string | KeyObject;
  /** Waits before NOTIFY retries 1..6 (document: at most 6 within an hour). */
  notifyRetryDelaysMs?: number[];
  /** Wait before the first NOTIFY, counted from the customer's confirmation. */
  notifyFirstDelayMs?: number;
  /** Wait before an enterprise's audit outcome follows its AUDIT notice. */
  auditDelayMs?: number;
  /** Time source (tests). */
  now?: () => Date;
}

/** 1, 2, 5, 10, 20, 20 minutes: six retries, the last 58 minutes after the first try. */
export const DOCUMENT_RETRY_DELAYS_MS = [1, 2, 5, 10, 20, 20].map((m) => m * 60_000);

export interface LanmaoTwinConfig {
  signingKey(): KeyObject;
  platformPublicKey(): KeyObject;
  credentials(): { platformNo: string; keySerial: string };
  notifyRetryDelaysMs: number[];
  notifyFirstDelayMs: number;
  auditDelayMs: number;
  now(): Date;
}

function readSecrets(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(sandboxSecretsFile(), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const pemOrPath = (v: string) => (v.includes("-----BEGIN") ? v : readFileSync(v.trim(), "utf8"));

function secretKey(name: string): string {
  const value = readSecrets()[name];
  if (typeof value !== "string") throw new Error(`[sandbox] lanmao: ${name} not found; run \`npm start\` once to generate .data/secrets.json`);
  return value;
}

export function createLanmaoTwinConfig(options: LanmaoTwinOptions = {}): LanmaoTwinConfig {
  let signing: KeyObject | undefined;
  let platform: { source: string | undefined; key: KeyObject } | undefined;
  return {
    signingKey() {
      signing ??= toPrivateKey(options.signingKey ?? secretKey("LANMAO_SANDBOX_PRIVATE_KEY"));
      return signing;
    },
    platformPublicKey() {
      if (options.platformPublicKey) return toPublicKey(options.platformPublicKey);
      const fromEnv = process.env.LANMAO_PRIVATE_KEY?.trim() || undefined;
      if (!platform || platform.source !== fromEnv) {
        platform = { source: fromEnv, key: fromEnv ? toPublicKey(toPrivateKey(pemOrPath(fromEnv))) : toPublicKey(secretKey("LANMAO_SANDBOX_PUBLIC_KEY")) };
      }
      return platform.key;
    },
    credentials() {
      const c = twinCredentials(lanmaoManifest);
      return { platformNo: c.LANMAO_PLATFORM_NO, keySerial: c.LANMAO_KEY_SERIAL };
    },
    notifyRetryDelaysMs: options.notifyRetryDelaysMs ?? DOCUMENT_RETRY_DELAYS_MS,
    notifyFirstDelayMs: options.notifyFirstDelayMs ?? 500,
    auditDelayMs: options.auditDelayMs ?? 2_000,
    now: options.now ?? (() => new Date()),
  };
}
