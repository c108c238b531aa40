import type { Jsonify } from "@/lib/format/json";
import type { ScoreDetail } from "@/lib/risk-scores/queries";
import { type ScoreFailureReason, scoreFailureReason, scoreReference } from "./failure";

/** The request as the client sees it: JSON (dates as strings), the same from the page and the poll. */

const REQUEST_FIELDS = [
  "id", "zwOrder", "status", "score", "scoreRaw", "cutoff", "decision", "channelKind", "fromHistory", "vendorCode",
  "lastError", "missingField", "attempts", "nextAttemptAt", "scoredAt", "createdAt", "pretrialOrderId",
] as const;
const PROFILE_FIELDS = [
  "realNameMasked", "idNumberMasked", "mobileMasked", "relation1", "name1Masked", "phone1Masked", "relation2", "name2Masked", "phone2Masked",
  "channelId", "loanDays", "consumeAmountFen", "cardNumMasked",
] as const;

type ScoreProfileView = Pick<ScoreDetail["profile"], (typeof PROFILE_FIELDS)[number]>;
export type ScoreView = Jsonify<
  Pick<ScoreDetail, (typeof REQUEST_FIELDS)[number]> & { profile: ScoreProfileView; failureReason: ScoreFailureReason | null; reference: string }
>;

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, source[k]])) as Pick<T, K>;
}

/**
 * Only what the page shows goes to the browser: the query returns the whole profile (addresses,
 * employer, device), and data minimisation says a score page does not need them.
 */
export function toScoreView(detail: ScoreDetail, { technical }: { technical: boolean }): ScoreView {
  const view = {
    ...pick(detail, REQUEST_FIELDS),
    // `lastError` is written for developers (config names, vendor codes): admins only.
    lastError: technical ? detail.lastError : null,
    failureReason: detail.status === "FAILED" ? scoreFailureReason(detail) : null,
    reference: scoreReference(detail.id),
    profile: pick(detail.profile, PROFILE_FIELDS),
  };
  return JSON.parse(JSON.stringify(view)) as ScoreView;
}
