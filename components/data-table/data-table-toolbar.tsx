"use client";

import { Download, FileSpreadsheet, RotateCcw, Search } from "lucide-react";
import { createSerializer, debounce } from "nuqs";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { parseFilter, serializeFilter, useDataTable } from "./data-table-context";
import { NativeSelect } from "@/components/ui/native-select";
import { buildExportHref, type ExportFormat } from "@/lib/list/search-params";

// Every filter component below binds to a key of the list's parsers and is rendered through
// <DataTable toolbar={…}>, so it shares the table's URL state and loading transition. Filter
// values travel in their URL form (the parser's serialize/parse), which keeps these components
// agnostic of whether a filter is a string, a literal union or a date.

/** Reads and writes one filter in URL form; any filter change starts again from page 1. */
function useFilterValue(name: string) {
  const { parsers, state, setState } = useDataTable();
  const raw = serializeFilter(parsers, name, state[name]);
  const setRaw = (next: string, options?: Parameters<typeof setState>[1]) =>
    void setState({ [name]: parseFilter(parsers, name, next), page: null, cursor: null }, options);
  return [raw, setRaw] as const;
}

/** Optional wrapper for a toolbar row: filters on the left, actions (export) pushed right with `ml-auto`. */
export function DataTableToolbar({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("flex w-full flex-wrap items-end gap-2", className)}>{children}</div>;
}

type TextFilterProps = { name: string; label: string; placeholder?: string; className?: string };

export function TableTextFilter({ name, label, placeholder, className }: TextFilterProps) {
  const [value, setValue] = useFilterValue(name);
  return (
    <div className={cn("relative w-full sm:w-64", className)}>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? label}
        className="pl-8"
        value={value}
        // nuqs updates the state at once and debounces only the URL (and so the server query).
        onChange={(event) => setValue(event.target.value, { limitUrlUpdates: debounce(300) })}
        // Enter skips the wait: the value is committed straight away.
        onKeyDown={(event) => event.key === "Enter" && setValue(event.currentTarget.value)}
      />
    </div>
  );
}

export type FilterOption = { value: string; label: string };
type SelectFilterProps = { name: string; label: string; options: readonly FilterOption[]; className?: string };

export function TableSelectFilter({ name, label, options, className }: SelectFilterProps) {
  const t = useTranslations("dataTable.filters");
  const [value, setValue] = useFilterValue(name);
  return (
    <label className={cn("flex w-full flex-col gap-1 sm:w-auto", className)}>
      <span className="text-xs text-muted-foreground">{label}</span>
      <NativeSelect className="w-full sm:min-w-36" value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="">{t("all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}

type DateRangeFilterProps = { fromName: string; toName: string; label: string; className?: string };

/** Native date inputs: keyboard-friendly, localized by the browser, and already `YYYY-MM-DD`. */
export function TableDateRangeFilter({ fromName, toName, label, className }: DateRangeFilterProps) {
  const t = useTranslations("dataTable.filters");
  const groupId = useId();
  const [from, setFrom] = useFilterValue(fromName);
  const [to, setTo] = useFilterValue(toName);
  // Date parsers serialize as `YYYY-MM-DD…`; the input only takes the date part.
  const fromDate = from.slice(0, 10);
  const toDate = to.slice(0, 10);
  return (
    <div role="group" aria-labelledby={groupId} className={cn("flex flex-col gap-1", className)}>
      <span id={groupId} className="text-xs text-muted-foreground">
        {label}
      </span>
      <div className="flex items-center gap-1.5">
        <Input
          type="date"
          aria-label={t("dateFrom")}
          className="w-38"
          value={fromDate}
          max={toDate || undefined}
          onChange={(event) => setFrom(event.target.value)}
        />
        <span className="text-sm text-muted-foreground" aria-hidden="true">
          {t("dateRangeSeparator")}
        </span>
        <Input
          type="date"
          aria-label={t("dateTo")}
          className="w-38"
          value={toDate}
          min={fromDate || undefined}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
    </div>
  );
}

/** Clears every filter (sort and page size stay); hidden while no filter is set. */
export function TableResetFilters({ className }: { className?: string }) {
  const t = useTranslations("dataTable.filters");
  const { activeFilterKeys, resetFilters } = useDataTable();
  if (activeFilterKeys.length === 0) return null;
  return (
    <Button variant="ghost" className={className} onClick={resetFilters}>
      <RotateCcw aria-hidden="true" />
      {t("reset")}
    </Button>
  );
}

/**
 * Links to the list's export route with the current filters and sort (not the page): the route
 * handler parses them with the same `loadSearchParams` and streams the whole filtered set.
 */
export function ExportButtons({ href, className }: { href: string; className?: string }) {
  const t = useTranslations("dataTable.export");
  const { parsers, state } = useDataTable();
  const serialize = useMemo(() => createSerializer(parsers), [parsers]);
  const search = serialize(state);
  const formats: { format: ExportFormat; label: string; icon: typeof Download }[] = [
    { format: "csv", label: t("csv"), icon: Download },
    { format: "xlsx", label: t("xlsx"), icon: FileSpreadsheet },
  ];
  return (
    <div role="group" aria-label={t("hint")} className={cn("flex items-center gap-2", className)}>
      {formats.map(({ format, label, icon: Icon }) => (
        <Button key={format} variant="outline" asChild>
          {/* A plain <a>: a file download must not go through client-side routing. */}
          <a href={buildExportHref(href, format, search)} download>
            <Icon aria-hidden="true" />
            {label}
          </a>
        </Button>
      ))}
    </div>
  );
}
