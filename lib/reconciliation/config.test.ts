import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, resetEnvCache } from "@/lib/env";
import { reconConfig } from "./config";

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvCache();
});

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

describe("reconciliation configuration", () => {
  it("closes with CONFIRM_CHECKFILE from 01:30 Beijing by default", () => {
    withEnv({ RECON_CLOSE_MODE: undefined, RECON_START_TIME: undefined });
    expect(reconConfig()).toEqual({ closeMode: "CONFIRM", startMinutes: 90 });
  });

  it("takes UPLOAD_CHECKFILE mode and another start time", () => {
    withEnv({ RECON_CLOSE_MODE: "UPLOAD", RECON_START_TIME: "02:05" });
    expect(reconConfig()).toEqual({ closeMode: "UPLOAD", startMinutes: 125 });
  });

  it("refuses an unknown mode and a start time outside the worker's window", () => {
    withEnv({ RECON_CLOSE_MODE: "FAX" });
    expect(() => reconConfig()).toThrow(ConfigError);
    withEnv({ RECON_CLOSE_MODE: undefined, RECON_START_TIME: "00:30" });
    expect(() => reconConfig()).toThrow(ConfigError);
    withEnv({ RECON_START_TIME: "1:30" });
    expect(() => reconConfig()).toThrow(ConfigError);
  });
});
