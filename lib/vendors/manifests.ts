import { deepfinchManifest } from "./deepfinch/manifest";
import { lanmaoManifest } from "./lanmao/manifest";
import { riskCaseManifest } from "./risk-case/manifest";
import { riskScoreManifest } from "./risk-score/manifest";
import { wanwangManifest } from "./wanwang/manifest";

/**
 * Every vendor, one manifest each. lib/env.ts, lib/vendors/config.ts, the sandbox and the
 * jobs read these; a new vendor adds its manifest here (docs/adding-a-vendor.md).
 */
export const VENDOR_MANIFESTS = [wanwangManifest, riskScoreManifest, riskCaseManifest, deepfinchManifest, lanmaoManifest] as const;

export type AnyVendorManifest = (typeof VENDOR_MANIFESTS)[number];
export type VendorKey = AnyVendorManifest["key"];
export type VendorName = AnyVendorManifest["name"];

export const VENDOR_KEYS = VENDOR_MANIFESTS.map((m) => m.key) as readonly VendorKey[];
export const VENDOR_NAMES = VENDOR_MANIFESTS.map((m) => m.name) as readonly VendorName[];

export { deepfinchManifest, lanmaoManifest, riskCaseManifest, riskScoreManifest, wanwangManifest };
