import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import type { SandboxVendor } from "../core/types";
import { queryCases } from "./query";
import { settingsRoutes } from "./settings";

/**
 * The risk-case service's twin, mounted at `/risk-case`: in sandbox mode the console's
 * RISK_CASE_URL is `http://127.0.0.1:3100/risk-case/cases`. docs/sandbox-risk-case.md.
 */
export const riskCaseVendor: SandboxVendor = {
  name: riskCaseManifest.name,
  title: riskCaseManifest.title,
  routes: [{ method: "POST", path: "/cases", handle: queryCases }, ...settingsRoutes],
};
