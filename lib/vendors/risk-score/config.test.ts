import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { riskScoreManifest } from "./manifest";
import { riskScoreConfig } from "@/lib/vendors/config";

const KEYS = ["RISK_SCORE_MODE", "RISK_SCORE_BASE_URL", "RISK_SCORE_PARTNER_ID", "RISK_SCORE_SECRET", "SANDBOX_PORT"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  resetEnvCache();
}

afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe("riskScoreConfig", () => {
  it("sandbox: the sandbox mount and the shared credentials", () => {
    withEnv({ SANDBOX_PORT: "3999" });
    expect(riskScoreConfig()).toEqual({
      mode: "sandbox",
      baseUrl: "http://127.0.0.1:3999/risk-score",
      partnerId: riskScoreManifest.sandboxCredentials.RISK_SCORE_PARTNER_ID,
      secret: riskScoreManifest.sandboxCredentials.RISK_SCORE_SECRET,
      timeoutMs: 20_000,
    });
  });

  it("sandbox: credentials from the environment win when set", () => {
    withEnv({ RISK_SCORE_MODE: "sandbox", RISK_SCORE_PARTNER_ID: "p-1", RISK_SCORE_SECRET: "s-1" });
    expect(riskScoreConfig()).toMatchObject({ mode: "sandbox", partnerId: "p-1", secret: "s-1" });
  });

  it("live: the environment, trailing slash trimmed", () => {
    withEnv({ RISK_SCORE_BASE_URL: "https://risk.example.test/api//", RISK_SCORE_PARTNER_ID: "p-2", RISK_SCORE_SECRET: "s-2" });
    expect(riskScoreConfig()).toEqual({ mode: "live", baseUrl: "https://risk.example.test/api", partnerId: "p-2", secret: "s-2", timeoutMs: 20_000 });
  });
});
