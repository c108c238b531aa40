import { parseAsIsoDate, parseAsString, parseAsStringLiteral } from "nuqs/server";
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
    from: parseAsIsoDate,
    to: parseAsIsoDate,
  },
});
export type TInboxListParams = TableState<typeof inboxList>;
