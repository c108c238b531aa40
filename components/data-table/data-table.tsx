"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { MouseEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { DataTableProvider, useDataTable, useDataTableState } from "./data-table-context";
import { DataTablePagination, type PageCursors } from "./data-table-pagination";
import type { CappedCount } from "@/lib/list/cursor";
import { nextSort, type TableParserMap } from "@/lib/list/search-params";

export type DataTableColumn<T> = {
  /** For sortable columns, the sort field name accepted by the list's `sortable` list. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  sortable?: boolean;
  className?: string;
  align?: "left" | "right";
};

export type DataTableProps<T> = {
  columns: DataTableColumn<T>[];
  rows: T[];
  /** Size of the whole filtered set, capped at 1,000, from the same server query as `rows`. */
  total: CappedCount;
  /** Keyset cursors of the neighbouring pages (lib/list/keyset.ts). */
  cursors: PageCursors;
  parsers: TableParserMap;
  /** Makes each row a link; the first cell renders the real <a> so keyboard and middle-click work. */
  rowHref?: (row: T) => string;
  /** React key per row; defaults to `row.id`. */
  getRowId?: (row: T) => string;
  emptyMessage?: ReactNode;
  toolbar?: ReactNode;
  /** Visually hidden table caption for screen readers. */
  caption?: string;
  /** Scroll box classes; the header sticks to this box, so it needs a max height. */
  scrollClassName?: string;
  className?: string;
};

// Clicks on these inside a row keep their own behaviour instead of opening the row.
const INTERACTIVE = "a, button, input, select, textarea, label, [role=button], [role=checkbox], [role=menuitem], [data-no-row-link]";

/**
 * The console's list table. Rows, total and the current page come from the server page; this
 * component only writes the URL (page, perPage, sort, filters) and lets the server re-render.
 *
 * Columns and parsers hold functions, which cannot cross the server→client boundary, so render
 * it from an area client component (e.g. `components/pretrial/pretrial-table.tsx`).
 */
export function DataTable<T>({ parsers, toolbar, className, ...props }: DataTableProps<T>) {
  const table = useDataTableState(parsers);
  return (
    <DataTableProvider value={table}>
      <div data-slot="data-table" className={cn("flex min-w-0 flex-col gap-3", className)}>
        {toolbar ? <div className="flex flex-wrap items-end gap-2">{toolbar}</div> : null}
        <DataTableBody {...props} />
      </div>
    </DataTableProvider>
  );
}

function DataTableBody<T>({
  columns,
  rows,
  total,
  cursors,
  rowHref,
  getRowId,
  emptyMessage,
  caption,
  scrollClassName,
}: Omit<DataTableProps<T>, "parsers" | "toolbar" | "className">) {
  const t = useTranslations("dataTable");
  const router = useRouter();
  const { state, setState, isPending, activeFilterKeys, resetFilters } = useDataTable();

  function openRow(event: MouseEvent<HTMLTableRowElement>, href: string) {
    if (event.defaultPrevented || (event.target as Element).closest(INTERACTIVE)) return;
    // Let users select text in a row (to copy an id) without navigating away.
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  }

  return (
    <div className="relative min-w-0 max-w-full overflow-hidden rounded-lg border bg-card">
      <div
        aria-hidden="true"
        className={cn(
          "pointer-events-none absolute inset-x-0 top-0 z-20 h-0.5 bg-primary transition-opacity",
          isPending ? "animate-pulse opacity-100 delay-150" : "opacity-0",
        )}
      />
      <span role="status" className="sr-only">
        {isPending ? t("loading") : ""}
      </span>
      <Table containerClassName={cn("max-h-[70vh] overflow-auto", scrollClassName)} aria-busy={isPending || undefined}>
        {caption ? <TableCaption className="sr-only">{caption}</TableCaption> : null}
        <TableHeader className="sticky top-0 z-10 bg-card shadow-[inset_0_-1px_0_hsl(var(--border))] [&_tr]:border-b-0">
          <TableRow className="hover:bg-transparent">
            {columns.map((column) => {
              const sorted = column.sortable && state.sort.field === column.id ? state.sort.dir : undefined;
              return (
                <TableHead
                  key={column.id}
                  aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  className={cn(column.align === "right" && "text-right", column.className)}
                >
                  {column.sortable ? (
                    <SortButton
                      label={column.header}
                      direction={sorted}
                      align={column.align}
                      onClick={() => void setState({ sort: nextSort(state.sort, column.id), page: null, cursor: null })}
                    />
                  ) : (
                    column.header
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody className={cn("transition-opacity", isPending && "opacity-60 delay-150")}>
          {rows.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={columns.length} className="whitespace-normal">
                <EmptyState
                  title={emptyMessage ?? (activeFilterKeys.length ? t("empty.filtered") : t("empty.title"))}
                  description={activeFilterKeys.length ? t("empty.filteredHint") : undefined}
                  action={
                    activeFilterKeys.length ? (
                      <Button variant="outline" size="sm" onClick={resetFilters}>
                        {t("filters.reset")}
                      </Button>
                    ) : undefined
                  }
                />
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row, index) => {
              const href = rowHref?.(row);
              return (
                <TableRow
                  key={getRowId?.(row) ?? defaultRowId(row, index)}
                  className={cn(href && "cursor-pointer focus-within:bg-muted/50")}
                  onClick={href ? (event) => openRow(event, href) : undefined}
                >
                  {columns.map((column, columnIndex) => (
                    <TableCell
                      key={column.id}
                      className={cn(column.align === "right" && "text-right tabular-nums", column.className)}
                    >
                      {href && columnIndex === 0 ? (
                        // prefetch off: a 100-row page would otherwise prefetch 100 detail routes.
                        <Link
                          href={href}
                          prefetch={false}
                          className="rounded-sm font-medium underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                        >
                          {column.cell(row)}
                        </Link>
                      ) : (
                        column.cell(row)
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>
      <DataTablePagination total={total} cursors={cursors} />
    </div>
  );
}

function defaultRowId(row: unknown, index: number): string {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : String(index);
}

type SortButtonProps = {
  label: string;
  direction: "asc" | "desc" | undefined;
  align?: "left" | "right";
  onClick: () => void;
};

function SortButton({ label, direction, align, onClick }: SortButtonProps) {
  const t = useTranslations("dataTable.sort");
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "-mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 hover:bg-accent hover:text-accent-foreground",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        direction && "text-foreground",
        align === "right" && "flex-row-reverse",
      )}
    >
      {label}
      <Icon className={cn("size-3.5", !direction && "opacity-40")} aria-hidden="true" />
      {/* aria-sort on the <th> states the current order; this says what a click will do. */}
      <span className="sr-only">{direction === "asc" ? t("activateDescending") : t("activateAscending")}</span>
    </button>
  );
}
