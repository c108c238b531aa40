import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { parseAsDay } from "@/lib/list/day-param";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";

export const auditList = createTableSearchParams({
  sortable: ["at"],
  defaultSort: "at.desc",
  filters: {
    actor: parseAsString,
    action: parseAsString,
    outcome: parseAsStringLiteral(["ok", "denied", "error"] as const),
    target: parseAsString,
    from: parseAsDay,
    to: parseAsDay,
  },
});
export type TAuditListParams = TableState<typeof auditList>;
