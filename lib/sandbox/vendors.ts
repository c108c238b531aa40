import type { SandboxVendor } from "./core/types";
import { deepfinchVendor } from "./deepfinch";
import { lanmaoVendor } from "./lanmao";
import { riskCaseVendor } from "./risk-case";
import { riskScoreVendor } from "./risk-score";
import { wanwangVendor } from "./wanwang";

/**
 * The vendor stand-ins the sandbox serves. Each vendor issue adds its module under
 * `lib/sandbox/<vendor>/` (name and title from its manifest, lib/vendors/<vendor>/manifest.ts)
 * and appends it here; it is then mounted at `/<manifest.name>`.
 */
export const sandboxVendors: SandboxVendor[] = [riskScoreVendor, wanwangVendor, lanmaoVendor, deepfinchVendor, riskCaseVendor];
