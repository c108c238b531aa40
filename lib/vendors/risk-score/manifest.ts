import { defineVendorManifest } from "@/lib/vendors/core/manifest";

/** The risk-score (风控) vendor (vendor-docs/001_…, design.md §1 and §3). */
export const riskScoreManifest = defineVendorManifest({
  key: "riskScore",
  name: "risk-score",
  title: "风控评分 Risk score",
  modeVariable: "RISK_SCORE_MODE",
  env: ["RISK_SCORE_BASE_URL", "RISK_SCORE_PARTNER_ID", "RISK_SCORE_SECRET"],
  liveWhen: ["RISK_SCORE_BASE_URL", "RISK_SCORE_PARTNER_ID", "RISK_SCORE_SECRET"],
  requiredLive: ["RISK_SCORE_BASE_URL", "RISK_SCORE_PARTNER_ID", "RISK_SCORE_SECRET"],
  sandboxCredentials: {
    RISK_SCORE_PARTNER_ID: "170117110001",
    // The document's example secret, so its signing example verifies against the twin.
    RISK_SCORE_SECRET: "7b005bc0e714333ec5af315ee66b4cc",
  },
  // The vendor pulls the applicant's data from our endpoint before it answers the POST, so a
  // call lasts one round trip plus the pull (the sandbox allows the pull 10 s).
  timeoutMs: 20_000,
});
