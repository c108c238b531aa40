import path from "node:path";
import { z } from "zod";
import { sandboxCredentialsInForce, type VendorManifest } from "@/lib/vendors/core/manifest";

/**
 * The sandbox's configuration. It is a separate process that must start without the
 * console's secrets or database, so it reads its few variables here rather than through
 * the console's lib/env.ts. Vendor credentials it reads through the vendors' manifests.
 */
const ZSandboxEnv = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(3100),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_STATE_FILE: z.string().min(1).optional(),
  CREDITOPS_DATA_DIR: z.string().min(1).optional(),
  APP_BASE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // Address a customer's phone reaches the sandbox at (万网 signing links, share images).
  SANDBOX_PUBLIC_URL: z.url().optional(),
  // Bearer token the 万网 twin sends with its callbacks; same variable the console checks.
  WANWANG_CALLBACK_TOKEN: z.string().min(1).optional(),
});

export interface SandboxEnv {
  port: number;
  host: string;
  stateFile: string;
  /** Where vendor callbacks go: APP_BASE_URL, else the console on localhost:PORT. */
  consoleBaseUrl: string;
  /** SANDBOX_PUBLIC_URL without a trailing slash; unset means http://localhost:<port>. */
  publicUrl?: string;
  /** WANWANG_CALLBACK_TOKEN; unset falls back to the console's generated secrets file. */
  wanwangCallbackToken?: string;
}

export function readSandboxEnv(env: Record<string, string | undefined> = process.env): SandboxEnv {
  // Empty strings (`SANDBOX_PORT=` in a .env file) mean "not set", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZSandboxEnv.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid sandbox configuration:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    // Same data folder rule as lib/paths.ts (kept here so the sandbox imports nothing of the
    // console's), so CREDITOPS_DATA_DIR moves the sandbox's state with the rest.
    stateFile:
      e.SANDBOX_STATE_FILE ?? path.join(path.resolve(e.CREDITOPS_DATA_DIR ?? ".data"), "sandbox", "state.json"),
    consoleBaseUrl: (e.APP_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    publicUrl: e.SANDBOX_PUBLIC_URL?.replace(/\/+$/, ""),
    wanwangCallbackToken: e.WANWANG_CALLBACK_TOKEN,
  };
}

/**
 * The secrets the console generates for sandbox mode (lib/secrets.ts writes
 * `<data dir>/secrets.json`); the sandbox reads values both sides must share from it.
 */
export function sandboxSecretsFile(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.resolve(env.CREDITOPS_DATA_DIR || ".data"), "secrets.json");
}

/**
 * The credentials a twin accepts: the vendor's variables when set (so a console in sandbox
 * mode with, say, RISK_SCORE_SECRET set and its twin agree), else the manifest's constants —
 * the rule lib/vendors/config.ts applies on the console side. Read on each request, so
 * tests that change the environment need no restart.
 */
export function twinCredentials<K extends string>(manifest: VendorManifest<string, string, K>, env: Record<string, string | undefined> = process.env): Record<K, string> {
  return sandboxCredentialsInForce(manifest, env);
}
