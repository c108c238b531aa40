import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import type { ScoreFilters } from "@/lib/risk-scores/queries";
import { SCORE_SORTABLE } from "@/lib/risk-scores/sort";

export const SCORE_STATUSES = ["PENDING", "SCORED", "MODEL_ERROR", "FAILED"] as const;
export const SCORE_DECISIONS = ["pass", "fail", "model-error"] as const;
export const CHANNEL_KINDS = ["NATURAL", "REFERRAL"] as const;

export const scoreList = createTableSearchParams({
  sortable: SCORE_SORTABLE,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(SCORE_STATUSES),
    decision: parseAsStringLiteral(SCORE_DECISIONS),
    channel: parseAsStringLiteral(CHANNEL_KINDS),
    from: parseAsDay,
    to: parseAsDay,
    ref: parseAsString,
  },
});
export type TScoreListParams = TableState<typeof scoreList>;

/** URL state → query filters; shared by the list page (table and chart) and the export route. */
export function toScoreFilters(p: TScoreListParams): ScoreFilters {
  return {
    status: p.status,
    decision: p.decision,
    channelKind: p.channel,
    from: startOfDay(p.from),
    to: endOfDay(p.to),
    ref: p.ref,
  };
}
