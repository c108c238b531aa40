import { endOfDay, startOfDay } from "@/lib/format/dates";
import type { TPretrialListParams } from "@/components/pretrial/search-params";
import type { PretrialFilters } from "./queries";

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
