import { defineVendorManifest } from "@/lib/vendors/core/manifest";

/** The risk-case query service (design.md §1 and §3). No client yet. */
export const riskCaseManifest = defineVendorManifest({
  key: "riskCase",
  name: "risk-case",
  title: "风险案例 Risk cases",
  modeVariable: "RISK_CASE_MODE",
  env: ["RISK_CASE_URL", "RISK_CASE_ACCESS_ID", "RISK_CASE_SECRET"],
  liveWhen: ["RISK_CASE_URL", "RISK_CASE_ACCESS_ID", "RISK_CASE_SECRET"],
  requiredLive: ["RISK_CASE_URL", "RISK_CASE_ACCESS_ID", "RISK_CASE_SECRET"],
  sandboxCredentials: {
    RISK_CASE_ACCESS_ID: "sandbox-access",
    RISK_CASE_SECRET: "risk-case-sandbox-secret",
  },
  timeoutMs: 15_000,
});
