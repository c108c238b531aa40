// Shared by server pages (parsing + querying) and client tables (URL state), so no "use client"
// and parsers come from "nuqs/server": the "nuqs" entry is a client module and would turn these
// parsers into client references inside a Server Component.
import {
  createLoader,
  createParser,
  type inferParserType,
  parseAsNumberLiteral,
  parseAsString,
  type ParserMap,
  type ParserWithOptionalDefault,
} from "nuqs/server";

export type SortDirection = "asc" | "desc";
export type SortState<F extends string = string> = { field: F; dir: SortDirection };
/** How a sort travels in the URL: `?sort=createdAt.desc`. */
export type SortString<F extends string = string> = `${F}.${SortDirection}`;

export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
export type PerPage = (typeof PER_PAGE_OPTIONS)[number];
export const DEFAULT_PER_PAGE: PerPage = 20;

/**
 * Keys owned by the table itself; filters may not reuse them. Paging is keyset: `cursor` says
 * where the page starts (lib/list/cursor.ts) and `page` is only the number shown beside it.
 */
export const TABLE_KEYS = ["page", "perPage", "sort", "cursor"] as const;
/** Keys an export leaves out: it takes the whole filtered set, not one page of it. */
const EXPORT_OMITTED_KEYS = ["page", "perPage", "cursor", "format"];

export type ExportFormat = "csv" | "xlsx";

/** Parses `field.dir`; returns null for unknown fields so a hand-edited URL cannot sort by any column. */
export function parseSort<F extends string>(value: string, sortable: readonly F[]): SortState<F> | null {
  // Split on the last dot: fields may be dotted paths such as `customer.name`.
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const field = value.slice(0, dot);
  const dir = value.slice(dot + 1);
  if (dir !== "asc" && dir !== "desc") return null;
  if (!(sortable as readonly string[]).includes(field)) return null;
  return { field: field as F, dir };
}

export function serializeSort(sort: SortState): string {
  return `${sort.field}.${sort.dir}`;
}

/** Next direction when a header is clicked: a new column starts ascending, the current one flips. */
export function nextSort<F extends string>(current: SortState<F>, field: F): SortState<F> {
  if (current.field !== field) return { field, dir: "asc" };
  return { field, dir: current.dir === "asc" ? "desc" : "asc" };
}

export function parseAsSort<F extends string>(sortable: readonly F[]) {
  return createParser<SortState<F>>({
    parse: (value) => parseSort(value, sortable),
    serialize: serializeSort,
    // Object state: without eq, clearOnDefault could never recognise the default sort.
    eq: (a, b) => a.field === b.field && a.dir === b.dir,
  });
}

/** 1-based page number; anything that is not a positive integer falls back to the default. */
export const parseAsPage = createParser<number>({
  parse: (value) => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null),
  serialize: String,
});

/** Filter parsers may not reuse the table's own keys; the constraint makes that a type error too. */
type FilterParserMap = ParserMap & { [K in (typeof TABLE_KEYS)[number]]?: never };

type TableParserConfig<F extends string, Filters extends FilterParserMap> = {
  sortable: readonly F[];
  // NoInfer: the sortable list alone defines the fields, so a typo here is a type error.
  defaultSort: SortString<NoInfer<F>>;
  /** Filter parsers, from "nuqs/server". Single-value parsers only: the toolbar binds one input each. */
  filters: Filters;
};

/**
 * Builds the one set of URL parsers a list shares between its server page and its client table,
 * plus a loader for the page's `searchParams` (or an export route's `Request`).
 */
export function createTableSearchParams<const F extends string, Filters extends FilterParserMap>(
  config: TableParserConfig<F, Filters>,
) {
  const defaultSort = parseSort(config.defaultSort, config.sortable);
  if (!defaultSort) throw new Error(`defaultSort "${config.defaultSort}" is not one of the sortable fields`);
  for (const key of TABLE_KEYS) {
    if (key in config.filters) throw new Error(`filter key "${key}" is reserved by the data table`);
  }

  const parsers = {
    page: parseAsPage.withDefault(1),
    perPage: parseAsNumberLiteral(PER_PAGE_OPTIONS).withDefault(DEFAULT_PER_PAGE),
    sort: parseAsSort(config.sortable).withDefault(defaultSort),
    cursor: parseAsString,
    ...config.filters,
  };
  return {
    parsers,
    loadSearchParams: createLoader(parsers),
    filterKeys: Object.keys(config.filters) as Extract<keyof Filters, string>[],
  };
}

/** The parsed state of a list, e.g. `TableState<typeof pretrialSearchParams>` for a query's input. */
export type TableState<T extends { parsers: ParserMap }> = inferParserType<T["parsers"]>;

/**
 * The shape every table's parser map has. Loosely typed on purpose: the table component only
 * reads the three table keys, and filter values go through each parser's own parse/serialize.
 */
export type TableParserMap = {
  page: ParserWithOptionalDefault<number>;
  perPage: ParserWithOptionalDefault<PerPage>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- field names differ per list
  sort: ParserWithOptionalDefault<SortState<any>>;
  cursor: ParserWithOptionalDefault<string>;
} & ParserMap;

/** Offset paging for the query: `{ skip, take }` in Prisma's vocabulary. */
export function getPageWindow({ page, perPage }: { page: number; perPage: number }) {
  return { skip: (page - 1) * perPage, take: perPage };
}

/** What the pagination footer shows; `from`/`to` are 0 when the page holds no rows. */
export function getPageInfo(page: number, perPage: number, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const from = (page - 1) * perPage + 1;
  if (total === 0 || from > total) return { from: 0, to: 0, pageCount };
  return { from, to: Math.min(page * perPage, total), pageCount };
}

/**
 * Link to the export route handler for the current filters and sort. Page and page size are
 * dropped because an export covers the whole filtered set; `format` always comes first.
 */
export function buildExportHref(href: string, format: ExportFormat, search: string | URLSearchParams): string {
  const [path, existing = ""] = href.split("?", 2);
  const current = [...new URLSearchParams(search)].filter(([key]) => !EXPORT_OMITTED_KEYS.includes(key));
  // The table's own state wins over anything baked into `href` under the same key.
  const overridden = new Set(current.map(([key]) => key));
  const out = new URLSearchParams({ format });
  for (const [key, value] of new URLSearchParams(existing)) {
    if (key !== "format" && !overridden.has(key)) out.append(key, value);
  }
  for (const [key, value] of current) out.append(key, value);
  return `${path}?${out.toString()}`;
}
