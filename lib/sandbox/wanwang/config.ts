import { readFileSync } from "node:fs";
import type { SandboxContext } from "../core/types";
import { readSandboxEnv, sandboxSecretsFile } from "../env";

export interface WanwangOptions {
  /** Bearer token sent with callbacks. Default: WANWANG_CALLBACK_TOKEN, else the console's generated secrets file. */
  callbackToken?: string;
  /** Public address of the sandbox (no `/wanwang`). Default: SANDBOX_PUBLIC_URL, else http://localhost:<port>. */
  publicUrl?: string;
}

/** What handlers need from configuration, resolved on first use so tests need no environment. */
export interface WanwangConfig {
  callbackToken(): string | undefined;
  /** `<public base>/wanwang`, for links a customer's phone opens. */
  publicVendorBase(ctx: SandboxContext): string;
}

export function createWanwangConfig(options: WanwangOptions = {}): WanwangConfig {
  let token: { value: string | undefined } | undefined;
  let publicUrl: { value: string | undefined } | undefined;
  let warned = false;
  return {
    callbackToken() {
      // A missing token is looked for again next time: `npm start` may write the secrets file later.
      if (!token?.value) {
        token = { value: options.callbackToken ?? readSandboxEnv().wanwangCallbackToken ?? readGeneratedToken() };
      }
      if (!token.value && !warned) {
        warned = true;
        console.warn("[sandbox] wanwang: no WANWANG_CALLBACK_TOKEN; callbacks go out without Authorization");
      }
      return token.value;
    },
    publicVendorBase(ctx) {
      publicUrl ??= { value: options.publicUrl?.replace(/\/+$/, "") ?? readSandboxEnv().publicUrl };
      // The bind address (127.0.0.1) is not what a phone or browser is told; localhost is, by default.
      const base = publicUrl.value ?? `http://localhost:${new URL(ctx.baseUrl).port}`;
      return `${base}/${ctx.vendor}`;
    },
  };
}

/**
 * In sandbox mode the console generates its callback token into `<data dir>/secrets.json`
 * (lib/secrets.ts) and `npm start` does not export it, so the sandbox reads the same file.
 */
function readGeneratedToken(): string | undefined {
  try {
    const secrets = JSON.parse(readFileSync(sandboxSecretsFile(), "utf8")) as { WANWANG_CALLBACK_TOKEN?: unknown };
    return typeof secrets.WANWANG_CALLBACK_TOKEN === "string" ? secrets.WANWANG_CALLBACK_TOKEN : undefined;
  } catch {
    return undefined;
  }
}
