"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { CappedCount } from "@/lib/list/cursor";
import { PER_PAGE_OPTIONS } from "@/lib/list/search-params";
import { useDataTable } from "./data-table-context";
import { CountText } from "./count-text";
import { NativeSelect } from "@/components/ui/native-select";

/** Cursors of the neighbouring pages, from the server's keyset query (lib/list/keyset.ts). */
export type PageCursors = { next: string | null; prev: string | null };

/**
 * Keyset paging: first / previous / next, the page number for orientation, and the count
 * capped at 1,000 ("1,000+"): an exact count over a million rows costs more than the page.
 */
export function DataTablePagination({ total, cursors }: { total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("dataTable.pagination");
  const perPageLabelId = useId();
  const { state, setState } = useDataTable();
  const { page, perPage } = state;

  const pageButtons = [
    { label: t("first"), icon: ChevronsLeft, disabled: !cursors.prev, values: { page: null, cursor: null } },
    { label: t("previous"), icon: ChevronLeft, disabled: !cursors.prev, values: page <= 2 ? { page: null, cursor: null } : { page: page - 1, cursor: cursors.prev } },
    { label: t("next"), icon: ChevronRight, disabled: !cursors.next, values: { page: page + 1, cursor: cursors.next } },
  ];

  return (
    <div className="flex flex-col gap-3 border-t px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between">
      {/* Announced after each page change so keyboard users hear where they landed. */}
      <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="table-total">
        {total.value === 0 && !total.capped ? t("none") : t.rich("total", { count: () => <CountText count={total} /> })}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <span id={perPageLabelId} className="whitespace-nowrap text-sm text-muted-foreground">
            {t("perPage")}
          </span>
          <NativeSelect
            size="sm"
            className="w-20"
            aria-labelledby={perPageLabelId}
            value={String(perPage)}
            onChange={(event) => void setState({ perPage: Number(event.target.value), page: null, cursor: null })}
          >
            {PER_PAGE_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </NativeSelect>
        </div>
        <span className="whitespace-nowrap text-sm tabular-nums">{t("page", { page })}</span>
        <nav aria-label={t("label")} className="flex items-center gap-1">
          {pageButtons.map(({ label, icon: Icon, disabled, values }) => (
            <Button
              key={label}
              variant="outline"
              size="icon"
              className="size-8"
              aria-label={label}
              disabled={disabled}
              onClick={() => void setState(values)}
            >
              <Icon aria-hidden="true" />
            </Button>
          ))}
        </nav>
      </div>
    </div>
  );
}
