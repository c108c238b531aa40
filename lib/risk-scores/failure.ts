import { RISK_SCORE_CODES } from "@/lib/vendors/risk-score/errors";

/**
 * Why a score request failed, in terms a user can act on. The stored `lastError` is written for
 * developers ("signature mismatch: check … RISK_SCORE_SECRET"); users get a sentence per reason
 * and a reference id, admins also see the stored detail.
 */
export type ScoreFailureReason = "config" | "rejected" | "rate-limited" | "missing-data" | "bad-pull" | "unavailable";

const BY_CODE = new Map(RISK_SCORE_CODES.map((c) => [c.code, c.appErrorCode]));
/** 9003: the vendor could not read our applicant-data endpoint. */
const BAD_PULL_CODE = "9003";

export function scoreFailureReason(r: { vendorCode: string | null; missingField?: string | null }): ScoreFailureReason {
  if (r.missingField) return "missing-data";
  // No vendor code: a transport failure, a non-JSON answer, or our configuration (base URL).
  if (!r.vendorCode) return "unavailable";
  if (r.vendorCode === BAD_PULL_CODE) return "bad-pull";
  switch (BY_CODE.get(r.vendorCode)) {
    case "VENDOR_CONFIG":
      return "config";
    case "RATE_LIMITED":
      return "rate-limited";
    case "VALIDATION":
      return "missing-data";
    default:
      return "rejected";
  }
}

/** The id a user quotes to support: short, and the same the admin sees on the request. */
export function scoreReference(id: string): string {
  return `RS-${id.slice(-8).toUpperCase()}`;
}
