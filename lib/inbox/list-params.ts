import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";

export const INBOX_STATUSES = ["RECEIVED", "PROCESSED", "DUPLICATE", "UNMATCHED", "REJECTED", "FAILED"] as const;

export const inboxList = createTableSearchParams({
  sortable: ["receivedAt"],
  defaultSort: "receivedAt.desc",
  filters: {
    source: parseAsString,
    status: parseAsStringLiteral(INBOX_STATUSES),
    eventType: parseAsString,
    key: parseAsString,
    from: parseAsDay,
    to: parseAsDay,
  },
});
export type TInboxListParams = TableState<typeof inboxList>;
