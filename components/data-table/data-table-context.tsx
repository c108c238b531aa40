"use client";

import { type Options, type SingleParserBuilder, useQueryStates } from "nuqs";
import { createContext, useCallback, useContext, useMemo, useTransition } from "react";
import { type PerPage, type SortState, TABLE_KEYS, type TableParserMap } from "@/lib/list/search-params";

type TableValues = { page: number; perPage: PerPage; sort: SortState } & Record<string, unknown>;
type SetTableValues = (values: Record<string, unknown>, options?: Options) => Promise<URLSearchParams>;

export type DataTableContextValue = {
  parsers: TableParserMap;
  state: TableValues;
  setState: SetTableValues;
  filterKeys: string[];
  activeFilterKeys: string[];
  /** True while the server page re-renders with the new URL. */
  isPending: boolean;
  resetFilters: () => void;
};

const DataTableContext = createContext<DataTableContextValue | null>(null);
export const DataTableProvider = DataTableContext.Provider;

export function useDataTable(): DataTableContextValue {
  const value = useContext(DataTableContext);
  if (!value) throw new Error("Table filters must be rendered inside <DataTable toolbar={…}>.");
  return value;
}

function singleParser(parsers: TableParserMap, key: string): SingleParserBuilder<unknown> {
  const parser = parsers[key];
  if (!parser) throw new Error(`No URL parser for table key "${key}"; add it to createTableSearchParams({ filters }).`);
  if (parser.type === "multi") throw new Error(`Table filter "${key}" needs a single-value parser.`);
  return parser as SingleParserBuilder<unknown>;
}

/** URL form of a filter value ("" when unset), so every filter input can be a plain string input. */
export function serializeFilter(parsers: TableParserMap, key: string, value: unknown): string {
  return value == null ? "" : singleParser(parsers, key).serialize(value);
}

/** Inverse of serializeFilter: "" and unparseable input both clear the filter. */
export function parseFilter(parsers: TableParserMap, key: string, raw: string): unknown {
  return raw === "" ? null : singleParser(parsers, key).parse(raw);
}

/**
 * One `useQueryStates` for the whole table, so pagination, sorting and every toolbar filter share
 * a single transition (one loading state) and one URL update queue.
 */
export function useDataTableState(parsers: TableParserMap): DataTableContextValue {
  const [isPending, startTransition] = useTransition();
  // shallow: false makes nuqs ask the router for a new RSC payload: paging, sorting and
  // filtering all happen in the server page's query, never on the rows already loaded.
  const [rawState, rawSetState] = useQueryStates(parsers, { shallow: false, startTransition });
  const state = rawState as unknown as TableValues;
  // A keyset cursor belongs to one filter and sort: any change to them (from any component,
  // e.g. an area's own filter) starts again from the first page unless a cursor is given.
  const setState = useCallback<SetTableValues>(
    (values, options) => {
      const reshapes = Object.keys(values).some((key) => key !== "page" && key !== "cursor");
      const next = reshapes && !("cursor" in values) ? { ...values, cursor: null, page: null } : values;
      return (rawSetState as unknown as SetTableValues)(next, options);
    },
    [rawSetState],
  );

  const filterKeys = useMemo(
    () => Object.keys(parsers).filter((key) => !(TABLE_KEYS as readonly string[]).includes(key)),
    [parsers],
  );
  // A filter with a default counts as active only when it differs from that default.
  const activeFilterKeys = filterKeys.filter((key) => {
    const value = state[key];
    const fallback = parsers[key]?.defaultValue;
    if (value == null) return false;
    if (fallback === undefined) return true;
    return serializeFilter(parsers, key, value) !== serializeFilter(parsers, key, fallback);
  });

  const resetFilters = useCallback(() => {
    void setState({ ...Object.fromEntries(filterKeys.map((key) => [key, null])), page: null, cursor: null });
  }, [filterKeys, setState]);

  return { parsers, state, setState, filterKeys, activeFilterKeys, isPending, resetFilters };
}
