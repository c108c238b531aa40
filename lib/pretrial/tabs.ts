import type { PretrialStatus } from "@/lib/generated/prisma/enums";

/**
 * The four tabs the order list shows instead of eleven technical states (issue 13). The
 * technical `status` filter stays in the URL for links that need one state (the workbench's
 * "failed submissions").
 */
export const PRETRIAL_TABS = ["awaiting", "running", "passed", "failed"] as const;
export type PretrialTab = (typeof PRETRIAL_TABS)[number];

export const TAB_STATUSES: Record<PretrialTab, readonly PretrialStatus[]> = {
  awaiting: ["AWAITING_SIGNATURE"],
  running: ["SUBMITTING", "SIGNED", "PBOC_REQUESTED", "PBOC_PULLED", "BIGDATA_RETURNED"],
  passed: ["PASSED"],
  failed: ["FAILED", "REJECTED", "ERROR"],
};
