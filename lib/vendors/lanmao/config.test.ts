import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ensureSandboxSecrets } from "@/lib/secrets";
import { createLanmaoVendor } from "@/lib/sandbox/lanmao";
import { startSandbox } from "@/lib/sandbox/server";
import { lanmaoConfig } from "./config";
import { lanmao } from ".";
import { lanmaoSign, lanmaoVerify } from "./sign";
import { TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY } from "./test-keys";

const KEYS = ["LANMAO_MODE", "VENDOR_MODE", "LANMAO_BASE_URL", "LANMAO_PLATFORM_NO", "LANMAO_KEY_SERIAL", "LANMAO_PRIVATE_KEY", "LANMAO_PUBLIC_KEY", "SANDBOX_PORT", "APP_BASE_URL", "CREDITOPS_DATA_DIR"] as const;
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

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "lanmao-config-"));

describe("lanmaoConfig", () => {
  it("sandbox: the twin's mount, the manifest's numbers, and the generated pairs (we sign with ours, trust the twin's)", () => {
    const dir = tmp();
    const secrets = ensureSandboxSecrets(path.join(dir, "secrets.json"));
    withEnv({ SANDBOX_PORT: "3710", APP_BASE_URL: "http://localhost:3700", CREDITOPS_DATA_DIR: dir });
    const c = lanmaoConfig();
    expect(c).toMatchObject({ mode: "sandbox", baseUrl: "http://127.0.0.1:3710/lanmao", platformNo: "5000000001", keySerial: "1", returnUrl: "http://localhost:3700/api/callbacks/lanmao/return" });
    // What we sign, the twin verifies with LANMAO_SANDBOX_PUBLIC_KEY; what the twin signs, we verify.
    expect(lanmaoVerify("x", lanmaoSign("x", c.privateKey), secrets.LANMAO_SANDBOX_PUBLIC_KEY)).toBe(true);
    expect(lanmaoVerify("y", lanmaoSign("y", secrets.LANMAO_SANDBOX_PRIVATE_KEY), c.publicKey)).toBe(true);
  });

  it("sandbox: LANMAO_PUBLIC_KEY set is ignored — the console trusts the twin's own pair (design.md §1)", () => {
    const dir = tmp();
    const secrets = ensureSandboxSecrets(path.join(dir, "secrets.json"));
    withEnv({ CREDITOPS_DATA_DIR: dir, LANMAO_PUBLIC_KEY: TEST_CUSTODY_PUBLIC_KEY, LANMAO_PLATFORM_NO: "5000000009" });
    const c = lanmaoConfig();
    expect(c.platformNo).toBe("5000000009");
    expect(lanmaoVerify("y", lanmaoSign("y", secrets.LANMAO_SANDBOX_PRIVATE_KEY), c.publicKey)).toBe(true);
  });

  it("sandbox end to end: console and twin agree through the generated secrets file alone", async () => {
    const dir = tmp();
    ensureSandboxSecrets(path.join(dir, "secrets.json"));
    withEnv({ CREDITOPS_DATA_DIR: dir });
    const sandbox = await startSandbox({ port: 0, vendors: [createLanmaoVendor()], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
    try {
      withEnv({ CREDITOPS_DATA_DIR: dir, SANDBOX_PORT: String(sandbox.port) });
      const { data, raw } = await lanmao.queryPlatform();
      expect(data).toMatchObject({ code: "0", feeBalance: 0, marketingBalance: 0 });
      expect(JSON.parse(raw)).toMatchObject({ feeBalance: "0.00" });
    } finally {
      await sandbox.close();
    }
  });

  it("live: every variable from the environment, keys as PEM text or a path to a PEM file", () => {
    const dir = tmp();
    const keyFile = path.join(dir, "platform.pem");
    fs.writeFileSync(keyFile, TEST_PLATFORM_PRIVATE_KEY);
    withEnv({ LANMAO_BASE_URL: "https://custody.example/", LANMAO_PLATFORM_NO: "P1", LANMAO_KEY_SERIAL: "7", LANMAO_PRIVATE_KEY: keyFile, LANMAO_PUBLIC_KEY: TEST_CUSTODY_PUBLIC_KEY, APP_BASE_URL: "https://console.example" });
    const c = lanmaoConfig();
    expect(c).toMatchObject({ mode: "live", baseUrl: "https://custody.example", platformNo: "P1", keySerial: "7", returnUrl: "https://console.example/api/callbacks/lanmao/return" });
    expect(lanmaoVerify("z", lanmaoSign("z", c.privateKey), crypto.createPublicKey(TEST_PLATFORM_PRIVATE_KEY))).toBe(true);
  });

  it("live: a key that is not one is refused naming the variable", () => {
    withEnv({ LANMAO_BASE_URL: "https://custody.example", LANMAO_PLATFORM_NO: "P1", LANMAO_KEY_SERIAL: "7", LANMAO_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", LANMAO_PUBLIC_KEY: TEST_CUSTODY_PUBLIC_KEY });
    expect(() => lanmaoConfig()).toThrow(/LANMAO_PRIVATE_KEY/);
  });
});
