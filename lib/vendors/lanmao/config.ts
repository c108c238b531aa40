import "server-only";
import type crypto from "node:crypto";
import { env } from "@/lib/env";
import { sandboxVendorUrl } from "@/lib/vendors/config";
import { sandboxCredentialsInForce, type VendorMode } from "@/lib/vendors/core/manifest";
import { lanmaoManifest } from "./manifest";
import { privateKeyFrom, publicKeyFrom } from "./sign";

/**
 * 联银通's connection settings (design.md §1, §3), read at call time. Live: every variable
 * from the environment (lib/env.ts refused to start without them). Sandbox: the twin's mount,
 * the manifest's platform number and key serial unless set, our private key from the
 * environment or the generated secrets file — and the custody side's public key always the
 * generated one, because the twin signs with its own pair (design.md §1: key pairs excepted).
 */
export type LanmaoConfig = {
  mode: VendorMode;
  /** Without a trailing slash; the client appends `/lanmaotech/service|gateway|download`. */
  baseUrl: string;
  platformNo: string;
  keySerial: string;
  privateKey: crypto.KeyObject;
  /** The custody side's key: verifies every answer, return and NOTIFY. */
  publicKey: crypto.KeyObject;
  /** Where the customer's browser comes back to (design.md §2). */
  returnUrl: string;
  timeoutMs: number;
};

export const LANMAO_RETURN_PATH = "/api/callbacks/lanmao/return";
export const LANMAO_NOTIFY_PATH = "/api/callbacks/lanmao/notify";

function key<T>(variable: string, value: string | undefined, read: (v: string) => T): T {
  if (!value) throw new Error(`${variable} is missing: set it (PEM or a path to a PEM file), or run \`npm start\` once in sandbox mode to generate it.`);
  try {
    return read(value);
  } catch (error) {
    throw new Error(`${variable} is not a readable RSA key (PEM text or a path to a PEM file): ${(error as Error).message}`);
  }
}

let cache: { fingerprint: string; config: LanmaoConfig } | undefined;

export function lanmaoConfig(): LanmaoConfig {
  const e = env();
  const { mode, values: v } = e.vendors.lanmao;
  const live = mode === "live";
  const privateText = v.LANMAO_PRIVATE_KEY ?? (live ? undefined : e.generated.LANMAO_PRIVATE_KEY);
  const publicText = live ? v.LANMAO_PUBLIC_KEY : e.generated.LANMAO_PUBLIC_KEY;
  const c = live ? null : sandboxCredentialsInForce(lanmaoManifest, v);
  const baseUrl = live ? v.LANMAO_BASE_URL!.replace(/\/+$/, "") : sandboxVendorUrl(e.sandboxUrl, lanmaoManifest);
  const fingerprint = [mode, baseUrl, privateText, publicText, v.LANMAO_PLATFORM_NO, v.LANMAO_KEY_SERIAL, e.appBaseUrl].join("\n");
  // Parsing RSA keys costs a little; the configuration only changes with the environment.
  if (cache?.fingerprint === fingerprint) return cache.config;
  const config: LanmaoConfig = {
    mode,
    baseUrl,
    platformNo: live ? v.LANMAO_PLATFORM_NO! : c!.LANMAO_PLATFORM_NO,
    keySerial: live ? v.LANMAO_KEY_SERIAL! : c!.LANMAO_KEY_SERIAL,
    privateKey: key("LANMAO_PRIVATE_KEY", privateText, privateKeyFrom),
    publicKey: key("LANMAO_PUBLIC_KEY", publicText, publicKeyFrom),
    returnUrl: e.appBaseUrl.replace(/\/+$/, "") + LANMAO_RETURN_PATH,
    timeoutMs: lanmaoManifest.timeoutMs,
  };
  cache = { fingerprint, config };
  return config;
}
