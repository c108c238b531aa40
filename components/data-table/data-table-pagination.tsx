"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useDataTable } from "./data-table-context";
import { getPageInfo, PER_PAGE_OPTIONS } from "@/lib/list/search-params";

export function DataTablePagination({ total }: { total: number }) {
  const t = useTranslations("dataTable.pagination");
  const perPageLabelId = useId();
  const { state, setState } = useDataTable();
  const { page, perPage } = state;
  const { from, to, pageCount } = getPageInfo(page, perPage, total);
  const goTo = (target: number) => void setState({ page: target });

  const summary =
    total === 0 ? t("none") : from === 0 ? t("outOfRange", { total }) : t("range", { from, to, total });

  const pageButtons = [
    { label: t("first"), icon: ChevronsLeft, target: 1, disabled: page <= 1 },
    { label: t("previous"), icon: ChevronLeft, target: Math.min(page - 1, pageCount), disabled: page <= 1 },
    { label: t("next"), icon: ChevronRight, target: page + 1, disabled: page >= pageCount },
    { label: t("last"), icon: ChevronsRight, target: pageCount, disabled: page >= pageCount },
  ];

  return (
    <div className="flex flex-col gap-3 border-t px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between">
      {/* Announced after each page change so keyboard users hear where they landed. */}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <span id={perPageLabelId} className="whitespace-nowrap text-sm text-muted-foreground">
            {t("perPage")}
          </span>
          <Select value={String(perPage)} onValueChange={(value) => void setState({ perPage: Number(value), page: null })}>
            <SelectTrigger size="sm" className="w-20" aria-labelledby={perPageLabelId}>
              {/* Explicit text: Radix only fills SelectValue after hydration. */}
              <SelectValue>{perPage}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {PER_PAGE_OPTIONS.map((option) => (
                <SelectItem key={option} value={String(option)}>
                  {option}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="whitespace-nowrap text-sm tabular-nums">{t("pageOf", { page, pageCount })}</span>
        <nav aria-label={t("label")} className="flex items-center gap-1">
          {pageButtons.map(({ label, icon: Icon, target, disabled }) => (
            <Button
              key={label}
              variant="outline"
              size="icon"
              className="size-8"
              aria-label={label}
              disabled={disabled}
              onClick={() => goTo(target)}
            >
              <Icon aria-hidden="true" />
            </Button>
          ))}
        </nav>
      </div>
    </div>
  );
}
