import { defineVendorManifest } from "@/lib/vendors/core/manifest";

/** 万网中台 pretrial (vendor-docs/000_…, design.md §1 and §3). */
export const wanwangManifest = defineVendorManifest({
  key: "wanwang",
  name: "wanwang",
  title: "万网中台 预审",
  modeVariable: "WANWANG_MODE",
  env: [
    "WANWANG_BASE_URL",
    "WANWANG_TOKEN_URL",
    "WANWANG_CLIENT_ID",
    "WANWANG_CLIENT_SECRET",
    "WANWANG_COMPANY",
    "WANWANG_CHANNEL",
    "WANWANG_SOCIAL_CREDIT_CODE",
    "WANWANG_CREDIT_TYPE",
    "WANWANG_CALLBACK_TOKEN",
  ],
  liveWhen: ["WANWANG_BASE_URL", "WANWANG_TOKEN_URL", "WANWANG_CLIENT_ID", "WANWANG_CLIENT_SECRET"],
  // channel and socialCreditCode are 必填 in netCredit. WANWANG_COMPANY only feeds the optional
  // `wwtp-company` header, so it is not required (the header is left out when it is unset).
  requiredLive: [
    "WANWANG_BASE_URL",
    "WANWANG_TOKEN_URL",
    "WANWANG_CLIENT_ID",
    "WANWANG_CLIENT_SECRET",
    "WANWANG_CHANNEL",
    "WANWANG_SOCIAL_CREDIT_CODE",
    "WANWANG_CALLBACK_TOKEN",
  ],
  sandboxCredentials: {
    WANWANG_CLIENT_ID: "creditops-sandbox",
    WANWANG_CLIENT_SECRET: "wanwang-sandbox-secret",
    WANWANG_COMPANY: "CREDITOPS",
    WANWANG_CHANNEL: "CREDITOPS",
    WANWANG_SOCIAL_CREDIT_CODE: "91110108MA01SANDBX",
  },
  timeoutMs: 15_000,
});
