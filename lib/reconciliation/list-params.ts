import { parseAsStringLiteral } from "nuqs/server";
import { createTableSearchParams, type TableState } from "@/lib/list/search-params";
import { CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";

/** The kinds of exception a run writes (match.ts), in the order the match names them. */
export const EXCEPTION_KINDS = ["DUPLICATE", "MISSING_OURS", "MISSING_THEIRS", "STATUS_MISMATCH", "AMOUNT_MISMATCH", "FEE_MISMATCH"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
/** The list's `kind` filter: an exception kind, or MATCHED for the lines that agreed. */
export const LINE_KINDS = [...EXCEPTION_KINDS, "MATCHED"] as const;
export const LINE_STATES = ["OPEN", "RESOLVED"] as const;

/**
 * A run's lines on its page (`/reconciliation/<id>?type=RECHARGE&kind=AMOUNT_MISMATCH&state=OPEN`):
 * without `kind` every exception of the run, `kind=MATCHED` the matched lines — stored ones
 * for runs from before matched lines stopped being stored, otherwise derived from the run's
 * kept files (lib/reconciliation/lines.ts). Sorted by line id (the run's write order).
 */
export const reconLineList = createTableSearchParams({
  sortable: ["line"] as const,
  defaultSort: "line.asc",
  filters: {
    type: parseAsStringLiteral(CHECK_FILE_TYPES),
    kind: parseAsStringLiteral(LINE_KINDS),
    state: parseAsStringLiteral(LINE_STATES),
  },
});
export type TReconLineListParams = TableState<typeof reconLineList>;

export type ReconLineFilters = { type?: CheckFileType | null; kind?: (typeof LINE_KINDS)[number] | null; state?: (typeof LINE_STATES)[number] | null };

export function toReconLineFilters(p: TReconLineListParams): ReconLineFilters {
  return { type: p.type, kind: p.kind, state: p.state };
}

/** Values in the URL the list could not apply (`kind=BOGUS`): the page says they were ignored. */
export function ignoredLineFilters(raw: Record<string, string | string[] | undefined>, parsed: TReconLineListParams): { key: string; value: string }[] {
  return (["type", "kind", "state"] as const).flatMap((key) => {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    return value && parsed[key] === null ? [{ key, value: value.slice(0, 40) }] : [];
  });
}
