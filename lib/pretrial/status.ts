import type { PretrialStatus } from "@/lib/generated/prisma/enums";

/**
 * "Never backwards": each status has a rank and an order only ever moves to a higher one, so
 * callbacks applied in any order end in the same state (the property test in
 * callbacks/ordering.test.ts checks every permutation).
 */
export const STATUS_RANK: Record<PretrialStatus, number> = {
  SUBMITTING: 0,
  REJECTED: 1,
  AWAITING_SIGNATURE: 2,
  SIGNED: 3,
  PBOC_REQUESTED: 4,
  PBOC_PULLED: 5,
  BIGDATA_RETURNED: 6,
  ERROR: 7,
  PASSED: 8,
  FAILED: 8,
};

export const PRETRIAL_STATUSES = Object.keys(STATUS_RANK) as PretrialStatus[];

/** `signed.type` → the status it proves the order reached. */
export const SIGNED_TYPE_STATUS: Record<number, PretrialStatus> = {
  0: "SIGNED",
  1: "PBOC_REQUESTED",
  2: "PBOC_PULLED",
  3: "BIGDATA_RETURNED",
};

export function advanceStatus(current: PretrialStatus, candidate: PretrialStatus): PretrialStatus {
  return STATUS_RANK[candidate] > STATUS_RANK[current] ? candidate : current;
}

export const FINAL_STATUSES: readonly PretrialStatus[] = ["PASSED", "FAILED", "REJECTED"];

export function isFinal(status: PretrialStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Waiting on the customer's signature or on the platform: the order page keeps polling. */
export function isInFlight(status: PretrialStatus): boolean {
  return !isFinal(status) && status !== "ERROR";
}
