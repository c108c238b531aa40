import { parseAsIsoDate, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { createTableSearchParams, type TableState } from "@/components/data-table/search-params";
import { PRETRIAL_STATUSES } from "@/lib/pretrial/status";
import { PRETRIAL_SORTABLE } from "@/lib/pretrial/sort";

export const pretrialList = createTableSearchParams({
  sortable: PRETRIAL_SORTABLE,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(PRETRIAL_STATUSES),
    level: parseAsStringLiteral(["A", "B", "C", "D"] as const),
    from: parseAsIsoDate,
    to: parseAsIsoDate,
    officer: parseAsString,
    dealer: parseAsString,
    person: parseAsString,
    ref: parseAsString,
    capital: parseAsString,
    product: parseAsString,
  },
});
export type TPretrialListParams = TableState<typeof pretrialList>;
