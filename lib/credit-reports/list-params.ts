import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import type { ReportFilters } from "./queries";
import { REPORT_SORTABLE } from "./sort";

export const REPORT_STATUSES = ["UPLOADED", "RECOGNISING", "DONE", "FAILED"] as const;

export const reportList = createTableSearchParams({
  sortable: REPORT_SORTABLE,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(REPORT_STATUSES),
    overdue: parseAsStringLiteral(["yes"] as const),
    from: parseAsDay,
    to: parseAsDay,
    q: parseAsString,
  },
});
export type TReportListParams = TableState<typeof reportList>;

/** URL state → query filters; shared by the list page and the export route. */
export function toReportFilters(p: TReportListParams): ReportFilters {
  return { status: p.status, overdueOnly: p.overdue === "yes", from: startOfDay(p.from), to: endOfDay(p.to), q: p.q };
}
