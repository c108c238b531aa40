import { parseAsIsoDate, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { createTableSearchParams, type TableState } from "@/components/data-table/search-params";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import type { ScoreFilters, ScoreSort } from "@/lib/risk-score/queries";

// SCORE_SORTABLE lives in a server-only module, and these parsers also run in the client table,
// so the list is repeated here; `satisfies` keeps it from naming a field the query cannot sort by.
const SORTABLE = ["createdAt", "score", "status"] as const satisfies readonly ScoreSort["field"][];

export const SCORE_STATUSES = ["PENDING", "SCORED", "MODEL_ERROR", "FAILED"] as const;
export const SCORE_DECISIONS = ["pass", "fail", "model-error"] as const;
export const CHANNEL_KINDS = ["NATURAL", "REFERRAL"] as const;

export const scoreList = createTableSearchParams({
  sortable: SORTABLE,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(SCORE_STATUSES),
    decision: parseAsStringLiteral(SCORE_DECISIONS),
    channel: parseAsStringLiteral(CHANNEL_KINDS),
    from: parseAsIsoDate,
    to: parseAsIsoDate,
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
