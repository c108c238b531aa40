"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import {
  DataTable, type DataTableColumn, DataTableToolbar, ExportButtons, type FilterOption, type PageCursors, TableDateRangeFilter, TableDateShortcuts,
  TableResetFilters, TableSelectFilter, TableTabs, TableTextFilter,
} from "@/components/data-table";
import { Checkbox } from "@/components/ui/checkbox";
import type { CappedCount } from "@/lib/list/cursor";
import { RISK_CASE_STATUSES, riskCaseList, type RiskCaseStatusValue } from "@/lib/risk-cases/list-params";
import type { RiskCaseRow } from "@/lib/risk-cases/queries";
import { CaseAgeBadge, CaseStatusBadge } from "./badges";
import { BulkBar } from "./bulk-bar";

type Props = {
  rows: RiskCaseRow[];
  total: CappedCount;
  cursors: PageCursors;
  tabCounts: Record<RiskCaseStatusValue, CappedCount>;
  /** Cases the current filters match that are snoozed until later (hidden unless asked for). */
  snoozed: CappedCount;
  /** The `snoozed` view in the URL: null = the default, snoozed hidden. */
  snoozedView: "yes" | "no" | "all" | null;
  isAdmin: boolean;
  assignees: { id: string; displayName: string }[];
  provinces: FilterOption[];
  cities: FilterOption[];
  /** `field:code` → names, for codes shown with their meaning. */
  codeNames: Record<string, { zh: string; en: string }>;
  areaNames: Record<string, string>;
  locale: string;
  now: string;
};

export function CasesTable({ rows, total, cursors, tabCounts, snoozed, snoozedView, isAdmin, assignees, provinces, cities, codeNames, areaNames, locale, now }: Props) {
  const t = useTranslations("riskCases");
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const at = new Date(now);
  const code = (field: string, value: string | null) => {
    if (!value) return "—";
    const n = codeNames[`${field}:${value}`];
    return n ? `${value} ${locale === "en" ? n.en : n.zh}` : value;
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  // The selection is of this page's rows: ticks left on another page (or on rows a filter just
  // removed) are never sent with a bulk action.
  const selectedHere = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const columns: DataTableColumn<RiskCaseRow>[] = [
    { id: "caseNo", header: t("fields.caseNo"), cell: (r) => <span className="font-mono text-xs whitespace-nowrap">{r.caseNo}</span> },
    {
      id: "merchant",
      header: t("fields.mercName"),
      cell: (r) => (
        <span className="flex max-w-60 flex-col">
          <span className="truncate" title={r.mercName ?? undefined}>{r.mercName ?? "—"}</span>
          <span className="font-mono text-xs text-muted-foreground">{r.mercNum ?? "—"}</span>
        </span>
      ),
    },
    { id: "rule", header: t("fields.riskTypeRules"), cell: (r) => <span className="whitespace-nowrap">{code("riskTypeRules", r.riskTypeRules)}</span> },
    { id: "audit", header: t("fields.auditStatus"), cell: (r) => <span className="whitespace-nowrap">{code("auditStatus", r.auditStatus)}</span> },
    { id: "area", header: t("fields.areaCode"), cell: (r) => <span className="block max-w-40 truncate">{(r.areaCode && areaNames[r.areaCode]) || r.areaCode || "—"}</span> },
    {
      id: "status",
      header: t("status"),
      cell: (r) => (
        <span className="flex flex-wrap gap-1">
          <CaseStatusBadge status={r.status} />
          {r.snoozedUntil && new Date(r.snoozedUntil) > at ? <span className="text-xs text-muted-foreground">{t("snoozed")}</span> : null}
          {r.escalatedAt && r.status !== "CLOSED" ? <span className="text-xs text-destructive">{t("escalated")}</span> : null}
          {!r.schemaValid ? <span className="text-xs text-warning">{t("flagged")}</span> : null}
        </span>
      ),
    },
    { id: "assignee", header: t("assignee"), cell: (r) => <span className="block max-w-28 truncate">{r.assigneeName ?? <span className="text-muted-foreground">{t("unassigned")}</span>}</span> },
    { id: "age", header: t("age"), cell: (r) => <CaseAgeBadge createTime={r.createTime} now={at} closed={r.status === "CLOSED"} /> },
    { id: "createTime", header: t("fields.createTime"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createTime), { dateStyle: "short", timeStyle: "short" })}</span> },
    {
      id: "select",
      header: t("bulk.select"),
      cell: (r) => <Checkbox aria-label={`${t("bulk.select")} ${r.caseNo}`} checked={selected.has(r.id)} onCheckedChange={(v) => toggle(r.id, v === true)} data-testid="case-select" />,
    },
  ];
  return (
    <div className="space-y-2">
      <BulkBar
        selected={selectedHere}
        assignees={assignees}
        allOnPage={allOnPage}
        onSelectAll={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
        onDone={() => setSelected(new Set())}
      />
      <DataTable
        columns={columns}
        rows={rows}
        total={total}
        cursors={cursors}
        parsers={riskCaseList.parsers}
        rowHref={(r) => `/risk-cases/${r.id}`}
        caption={t("tableCaption")}
        emptyMessage={t("empty")}
        toolbar={
          <>
            <TableTabs name="status" label={t("status")} allLabel={t("all")} tabs={RISK_CASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`), count: tabCounts[s] }))} />
            {/* Snoozed cases leave the desk until their time passes; this row brings them back into view. */}
            <TableTabs
              name="snoozed"
              label={t("snoozeView")}
              allLabel={t("snoozeViews.active")}
              className="border-b-0"
              tabs={[{ value: "yes", label: t("snoozeViews.yes"), count: snoozed }, { value: "all", label: t("snoozeViews.all") }]}
            />
            {(snoozedView === null || snoozedView === "no") && snoozed.value > 0 && (
              <p className="w-full text-xs text-muted-foreground" data-testid="snoozed-hidden">
                {t("snoozedHidden", { count: `${format.number(snoozed.value)}${snoozed.capped ? "+" : ""}` })}
              </p>
            )}
            <DataTableToolbar>
              <TableTextFilter name="mercNum" label={t("filters.mercNum")} className="sm:w-44" />
              <TableTextFilter name="merc" label={t("filters.merc")} className="sm:w-44" />
              <TableTextFilter name="rule" label={t("filters.rule")} className="sm:w-36" />
              <TableTextFilter name="caseNo" label={t("filters.caseNo")} className="sm:w-52" />
              <TableSelectFilter name="assignee" label={t("filters.assignee")} options={[{ value: "none", label: t("unassigned") }, ...assignees.map((a) => ({ value: a.id, label: a.displayName }))]} />
              <TableSelectFilter name="mine" label={t("mine")} options={[{ value: "yes", label: t("mine") }]} />
              <TableDateShortcuts fromName="from" toName="to" />
              <TableDateRangeFilter fromName="from" toName="to" label={t("filters.created")} />
            </DataTableToolbar>
            <details className="w-full rounded-md border px-3 py-2" data-testid="more-filters">
              <summary className="cursor-pointer text-sm text-muted-foreground">{t("filters.more")}</summary>
              <DataTableToolbar className="pt-2">
                <TableTextFilter name="agentNo" label={t("filters.agentNo")} className="sm:w-40" />
                <TableTextFilter name="type" label={t("filters.type")} className="sm:w-32" />
                <TableTextFilter name="audit" label={t("filters.audit")} className="sm:w-32" />
                <TableTextFilter name="node" label={t("filters.node")} className="sm:w-32" />
                <TableTextFilter name="deal" label={t("filters.deal")} className="sm:w-32" />
                <TableSelectFilter name="prov" label={t("filters.prov")} options={provinces} />
                {cities.length > 0 && <TableSelectFilter name="city" label={t("filters.city")} options={cities} />}
                <TableSelectFilter name="escalated" label={t("escalated")} options={[{ value: "yes", label: t("escalated") }, ...(isAdmin ? [{ value: "me", label: t("escalatedToMe") }] : [])]} />
                <TableSelectFilter name="flagged" label={t("flagged")} options={[{ value: "yes", label: t("flaggedOnly") }]} />
              </DataTableToolbar>
            </details>
            <DataTableToolbar>
              <TableResetFilters />
              <ExportButtons href="/api/risk-cases/export" className="ml-auto" />
            </DataTableToolbar>
          </>
        }
      />
    </div>
  );
}
