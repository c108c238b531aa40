import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, env, resetEnvCache } from "@/lib/env";

/**
 * Start-up configuration (design.md §1): live mode names every missing or malformed variable.
 * process.env is restored after each case; the cache is reset so each case re-reads it.
 */
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvCache();
});

const key = (bytes = 32) => crypto.randomBytes(bytes).toString("base64");
const LIVE_WANWANG = {
  WANWANG_MODE: "live",
  WANWANG_BASE_URL: "https://wanwang.example.test",
  WANWANG_TOKEN_URL: "https://wanwang.example.test/oauth/token",
  WANWANG_CLIENT_ID: "client",
  WANWANG_CLIENT_SECRET: "secret",
  WANWANG_COMPANY: "ACME",
  WANWANG_CHANNEL: "ACME-CH",
  WANWANG_SOCIAL_CREDIT_CODE: "91110108MA01TEST01",
  WANWANG_CALLBACK_TOKEN: "callback-token",
  AUTH_SECRET: key(),
  PII_ENCRYPTION_KEY: key(),
  PII_INDEX_KEY: key(),
  FILE_URL_SECRET: key(),
};

function withEnv(values: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

describe("env(): live 万网 needs what netCredit marks 必填", () => {
  it("starts with the full set", () => {
    withEnv(LIVE_WANWANG);
    expect(env().modes.wanwang).toBe("live");
  });

  it.each(["WANWANG_SOCIAL_CREDIT_CODE", "WANWANG_CHANNEL"])("refuses to start without %s, naming it", (name) => {
    withEnv({ ...LIVE_WANWANG, [name]: undefined });
    expect(() => env()).toThrow(ConfigError);
    expect(() => env()).toThrow(new RegExp(name));
  });

  it("WANWANG_COMPANY feeds an optional header only: live starts without it", () => {
    withEnv({ ...LIVE_WANWANG, WANWANG_COMPANY: undefined });
    expect(env().modes.wanwang).toBe("live");
  });
});

describe("env(): malformed secrets stop start-up, naming the variable", () => {
  it.each(["PII_ENCRYPTION_KEY", "PII_INDEX_KEY"])("%s of the wrong length", (name) => {
    withEnv({ ...LIVE_WANWANG, [name]: key(16) });
    expect(() => env()).toThrow(ConfigError);
    expect(() => env()).toThrow(new RegExp(`${name}.*32 bytes`));
  });

  it.each(["PII_ENCRYPTION_KEY", "PII_INDEX_KEY"])("%s that is not base64 (sandbox mode too)", (name) => {
    withEnv({ WANWANG_MODE: undefined, [name]: "not base64!" });
    expect(() => env()).toThrow(new RegExp(name));
  });
});

describe("assertStartupConfig(): what scripts/start.ts and the worker check before starting", () => {
  it("names a missing secret in live mode", async () => {
    const { assertStartupConfig } = await import("@/lib/env");
    withEnv({ ...LIVE_WANWANG, FILE_URL_SECRET: undefined });
    expect(() => assertStartupConfig()).toThrow(/FILE_URL_SECRET/);
    withEnv(LIVE_WANWANG);
    expect(assertStartupConfig().modes.wanwang).toBe("live");
  });

  it("names a mode variable with a value that is neither sandbox nor live", () => {
    withEnv({ RISK_SCORE_MODE: "production" });
    expect(() => env()).toThrow(/RISK_SCORE_MODE/);
  });
});
