import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import { LANMAO_SERVICE_NAMES } from "@/lib/vendors/lanmao/services";

export const REQUEST_STATUSES = ["PREPARED", "SENT", "UNKNOWN", "SUCCEEDED", "FAILED"] as const;
export const LEDGER_STATUSES = ["NONE", "WAITING", "POSTED", "REFUSED"] as const;
export const PROJECT_STATUSES = ["COLLECTING", "REPAYING", "FINISH", "MISCARRY"] as const;

/** The custody request log (交易流水): every request with its status and ledger state. */
export const requestList = createTableSearchParams({
  sortable: ["createdAt"] as const,
  defaultSort: "createdAt.desc",
  filters: {
    status: parseAsStringLiteral(REQUEST_STATUSES),
    service: parseAsStringLiteral(LANMAO_SERVICE_NAMES),
    ledger: parseAsStringLiteral(LEDGER_STATUSES),
    ref: parseAsString,
  },
});
export type TRequestListParams = TableState<typeof requestList>;

export const projectList = createTableSearchParams({
  sortable: ["createdAt"] as const,
  defaultSort: "createdAt.desc",
  filters: { status: parseAsStringLiteral(PROJECT_STATUSES) },
});
export type TProjectListParams = TableState<typeof projectList>;

export const accountList = createTableSearchParams({
  sortable: ["createdAt"] as const,
  defaultSort: "createdAt.desc",
  filters: { ref: parseAsString },
});
export type TAccountListParams = TableState<typeof accountList>;
