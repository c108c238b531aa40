import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import { PRETRIAL_STATUSES } from "@/lib/pretrial/status";
import { PRETRIAL_SORTABLE } from "@/lib/pretrial/sort";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import type { PretrialFilters } from "./queries";

export const pretrialList = createTableSearchParams({
  sortable: PRETRIAL_SORTABLE,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(PRETRIAL_STATUSES),
    level: parseAsStringLiteral(["A", "B", "C", "D"] as const),
    from: parseAsDay,
    to: parseAsDay,
    officer: parseAsString,
    dealer: parseAsString,
    person: parseAsString,
    ref: parseAsString,
    capital: parseAsString,
    product: parseAsString,
  },
});
export type TPretrialListParams = TableState<typeof pretrialList>;

/** URL state → query filters; shared by the list page and the export route. */
export function toPretrialFilters(p: TPretrialListParams): PretrialFilters {
  return {
    status: p.status,
    level: p.level,
    from: startOfDay(p.from),
    to: endOfDay(p.to),
    officer: p.officer,
    dealer: p.dealer,
    person: p.person,
    ref: p.ref,
    capital: p.capital,
    product: p.product,
  };
}
