import { defineVendorManifest } from "@/lib/vendors/core/manifest";

/** DeepFinch credit-report OCR (design.md §1 and §3). No client yet. */
export const deepfinchManifest = defineVendorManifest({
  key: "deepfinch",
  name: "deepfinch",
  title: "DeepFinch 征信报告识别",
  modeVariable: "DEEPFINCH_MODE",
  env: ["DEEPFINCH_BASE_URL", "DEEPFINCH_API_ID", "DEEPFINCH_API_SECRET"],
  liveWhen: ["DEEPFINCH_BASE_URL", "DEEPFINCH_API_ID", "DEEPFINCH_API_SECRET"],
  requiredLive: ["DEEPFINCH_BASE_URL", "DEEPFINCH_API_ID", "DEEPFINCH_API_SECRET"],
  sandboxCredentials: {
    DEEPFINCH_API_ID: "sandbox-api-id",
    DEEPFINCH_API_SECRET: "deepfinch-sandbox-secret",
  },
  // Uploads up to 30 MB and an OCR run: far longer than a JSON call.
  timeoutMs: 120_000,
});
