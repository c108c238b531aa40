import { deepfinchManifest } from "@/lib/vendors/deepfinch/manifest";
import type { SandboxVendor } from "../core/types";
import { recognise } from "./recognise";
import { settingsRoutes } from "./settings";

/**
 * DeepFinch's twin, mounted at `/deepfinch`: the console's DEEPFINCH_BASE_URL in sandbox mode
 * is `http://127.0.0.1:3100/deepfinch`. Protocol and levers: docs/sandbox-deepfinch.md.
 */
export const deepfinchVendor: SandboxVendor = {
  name: deepfinchManifest.name,
  title: deepfinchManifest.title,
  routes: [{ method: "POST", path: "/ocr/v2/pdf_credit_report_org", handle: recognise }, ...settingsRoutes],
};
