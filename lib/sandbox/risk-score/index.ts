import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import type { SandboxVendor } from "../core/types";
import { getHistoryScores } from "./get-history-scores";
import { getRiskScore } from "./get-risk-score";
import { settingsRoutes } from "./settings";

/**
 * The risk-score vendor's twin, mounted at `/risk-score`: the console's
 * RISK_SCORE_BASE_URL in sandbox mode is `http://127.0.0.1:3100/risk-score`.
 * Protocol and test inputs: docs/sandbox-risk-score.md.
 */
export const riskScoreVendor: SandboxVendor = {
  name: riskScoreManifest.name,
  title: riskScoreManifest.title,
  routes: [
    { method: "POST", path: "/Partner/FengKong/getRiskScore", handle: getRiskScore },
    { method: "POST", path: "/Partner/FengKong/getHistoryScores", handle: getHistoryScores },
    ...settingsRoutes,
  ],
};
