"use client";

import { useTranslations } from "next-intl";
import type { CappedCount } from "@/lib/list/cursor";
import { beijingDate } from "@/lib/format/dates";
import { cn } from "@/lib/utils";
import { CountText } from "./count-text";
import { parseFilter, serializeFilter, useDataTable } from "./data-table-context";

export type TableTab = { value: string; label: string; count?: CappedCount };

/**
 * Status tabs bound to one filter key ("" = all). Links in look, buttons in behaviour: a tab
 * change is a filter change, so it starts again from the first page.
 */
export function TableTabs({ name, label, allLabel, tabs, className }: { name: string; label: string; allLabel: string; tabs: TableTab[]; className?: string }) {
  const { parsers, state, setState } = useDataTable();
  const current = serializeFilter(parsers, name, state[name]);
  const select = (value: string) => void setState({ [name]: parseFilter(parsers, name, value), page: null, cursor: null });
  const items = [{ value: "", label: allLabel } as TableTab, ...tabs];
  return (
    <div role="tablist" aria-label={label} className={cn("flex w-full gap-1 overflow-x-auto border-b", className)}>
      {items.map((tab) => {
        const active = tab.value === current;
        return (
          <button
            key={tab.value || "all"}
            type="button"
            role="tab"
            aria-selected={active}
            data-testid={`tab-${tab.value || "all"}`}
            onClick={() => select(tab.value)}
            className={cn(
              "-mb-px inline-flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap",
              "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active ? "border-primary font-medium text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
            {tab.count ? (
              <span data-testid={`tab-count-${tab.value}`} className="rounded-full bg-muted px-1.5 text-xs text-muted-foreground">
                <CountText count={tab.count} />
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

const DAY_MS = 24 * 3600_000;

/** Beijing-day ranges for the date filter: today, the last 7 days (today included), this month. */
export function dateShortcuts(now = new Date()) {
  const today = beijingDate(now);
  return {
    today: { from: today, to: today },
    last7: { from: beijingDate(new Date(now.getTime() - 6 * DAY_MS)), to: today },
    thisMonth: { from: `${today.slice(0, 8)}01`, to: today },
  };
}

/** 今天 / 近7天 / 本月 buttons that fill the list's from/to filters. */
export function TableDateShortcuts({ fromName, toName, className }: { fromName: string; toName: string; className?: string }) {
  const t = useTranslations("dataTable.filters.shortcuts");
  const { parsers, state, setState } = useDataTable();
  const from = serializeFilter(parsers, fromName, state[fromName]).slice(0, 10);
  const to = serializeFilter(parsers, toName, state[toName]).slice(0, 10);
  const ranges = dateShortcuts();
  return (
    <div role="group" aria-label={t("label")} className={cn("flex items-center gap-1", className)}>
      {(Object.keys(ranges) as (keyof typeof ranges)[]).map((key) => {
        const r = ranges[key];
        const active = r.from === from && r.to === to;
        return (
          <button
            key={key}
            type="button"
            aria-pressed={active}
            data-testid={`date-${key}`}
            onClick={() =>
              void setState({ [fromName]: parseFilter(parsers, fromName, r.from), [toName]: parseFilter(parsers, toName, r.to), page: null, cursor: null })
            }
            className={cn(
              "h-9 rounded-md border px-2.5 text-sm whitespace-nowrap focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
              active ? "border-primary bg-primary/10 text-foreground" : "text-muted-foreground hover:bg-accent",
            )}
          >
            {t(key)}
          </button>
        );
      })}
    </div>
  );
}

/**
 * A filter with no control of its own (set by a link, e.g. from the workbench) shown as a chip
 * that says what it does and clears it.
 */
export function TableFilterChip({ name, label }: { name: string; label: (value: string) => string }) {
  const t = useTranslations("dataTable.filters");
  const { parsers, state, setState } = useDataTable();
  const value = serializeFilter(parsers, name, state[name]);
  if (!value) return null;
  return (
    <span className="inline-flex h-9 items-center gap-1 rounded-md border border-primary/40 bg-primary/5 pr-1 pl-2.5 text-sm" data-testid={`chip-${name}`}>
      {label(value)}
      <button
        type="button"
        aria-label={`${t("clear")} ${label(value)}`}
        className="rounded-sm px-1 text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        onClick={() => void setState({ [name]: null })}
      >
        ×
      </button>
    </span>
  );
}
