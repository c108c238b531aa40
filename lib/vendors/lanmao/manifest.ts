import { defineVendorManifest } from "@/lib/vendors/core/manifest";

/**
 * 联银通 custody (design.md §1 and §3). No client yet. The key pairs are not sandbox
 * credentials: in sandbox mode lib/secrets.ts generates both pairs and the twin signs with
 * its own, whose public half the console trusts.
 */
export const lanmaoManifest = defineVendorManifest({
  key: "lanmao",
  name: "lanmao",
  title: "联银通 存管",
  modeVariable: "LANMAO_MODE",
  env: ["LANMAO_BASE_URL", "LANMAO_PLATFORM_NO", "LANMAO_KEY_SERIAL", "LANMAO_PRIVATE_KEY", "LANMAO_PUBLIC_KEY"],
  liveWhen: ["LANMAO_BASE_URL", "LANMAO_PLATFORM_NO", "LANMAO_KEY_SERIAL", "LANMAO_PRIVATE_KEY", "LANMAO_PUBLIC_KEY"],
  requiredLive: ["LANMAO_BASE_URL", "LANMAO_PLATFORM_NO", "LANMAO_KEY_SERIAL", "LANMAO_PRIVATE_KEY", "LANMAO_PUBLIC_KEY"],
  sandboxCredentials: {
    LANMAO_PLATFORM_NO: "5000000001",
    LANMAO_KEY_SERIAL: "1",
  },
  timeoutMs: 15_000,
});
