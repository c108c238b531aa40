import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSandboxEnv } from "./env";

describe("readSandboxEnv", () => {
  it("defaults to 127.0.0.1:3100, the data dir and the console on PORT", () => {
    expect(readSandboxEnv({ CREDITOPS_DATA_DIR: "/tmp/creditops", PORT: "3005", SANDBOX_PORT: "" })).toEqual({
      port: 3100,
      host: "127.0.0.1",
      stateFile: path.join("/tmp/creditops", "sandbox", "state.json"),
      consoleBaseUrl: "http://localhost:3005",
    });
  });

  it("reads overrides and refuses a bad port", () => {
    const env = readSandboxEnv({ SANDBOX_PORT: "3200", SANDBOX_HOST: "0.0.0.0", APP_BASE_URL: "https://console.example/" });
    expect(env).toMatchObject({ port: 3200, host: "0.0.0.0", consoleBaseUrl: "https://console.example" });
    expect(() => readSandboxEnv({ SANDBOX_PORT: "http" })).toThrow(/SANDBOX_PORT/);
  });
});

describe("twinCredentials", () => {
  it("the manifest's constants, or the vendor's variables when set (the console's rule too)", async () => {
    const { twinCredentials } = await import("./env");
    const { wanwangManifest } = await import("@/lib/vendors/wanwang/manifest");
    expect(twinCredentials(wanwangManifest, {})).toEqual(wanwangManifest.sandboxCredentials);
    expect(twinCredentials(wanwangManifest, { WANWANG_CLIENT_SECRET: "set-by-operator", WANWANG_CLIENT_ID: " " })).toMatchObject({
      WANWANG_CLIENT_ID: wanwangManifest.sandboxCredentials.WANWANG_CLIENT_ID,
      WANWANG_CLIENT_SECRET: "set-by-operator",
    });
  });
});
