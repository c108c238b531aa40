import type { SandboxVendor } from "./core/types";
import { riskScoreVendor } from "./risk-score";
import { wanwangVendor } from "./wanwang";

/**
 * The vendor stand-ins the sandbox serves. Each vendor issue adds its module under
 * `lib/sandbox/<vendor>/` and appends it here; it is then mounted at `/<vendor.name>`.
 */
export const sandboxVendors: SandboxVendor[] = [riskScoreVendor, wanwangVendor];
