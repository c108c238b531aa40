"use client";

import { useFormatter, useTranslations } from "next-intl";
import { REDACTED } from "@/lib/pii/mask";
import {
  DataTable, type DataTableColumn, DataTableToolbar, ExportButtons, type PageCursors, RowActions, TableDateRangeFilter, TableDateShortcuts,
  TableFilterChip, TableResetFilters, TableSelectFilter, TableTabs, TableTextFilter,
} from "@/components/data-table";
import type { CappedCount } from "@/lib/list/cursor";
import type { PretrialRow, TabCounts } from "@/lib/pretrial/queries";
import { PRETRIAL_TABS } from "@/lib/pretrial/tabs";
import { PersonFilter } from "./person-filter";
import { pretrialList } from "@/lib/pretrial/list-params";
import { PretrialStatusBadge } from "./status-badge";

type Props = {
  rows: PretrialRow[];
  total: CappedCount;
  cursors: PageCursors;
  tabCounts: TabCounts;
  officers: { id: string; displayName: string }[] | null;
  /** Officers and admins may start a new order from a failed or rejected one. */
  canWrite: boolean;
};

const RETRYABLE = new Set(["FAILED", "REJECTED", "ERROR"]);

export function OrdersTable({ rows, total, cursors, tabCounts, officers, canWrite }: Props) {
  const t = useTranslations("pretrial");
  const format = useFormatter();
  const columns: DataTableColumn<PretrialRow>[] = [
    { id: "outsideOrderId", header: t("outsideOrderId"), sortable: true, cell: (r) => <span className="font-mono text-xs whitespace-nowrap">{r.outsideOrderId}</span> },
    {
      id: "customer",
      header: t("customer"),
      cell: (r) => (
        <span className="flex max-w-56 flex-col">
          <span className="truncate">{r.customerNameMasked ?? REDACTED}</span>
          <span className="font-mono text-xs text-muted-foreground">{r.idNumberMasked}</span>
        </span>
      ),
    },
    { id: "mobile", header: t("mobile"), cell: (r) => <span className="font-mono text-xs whitespace-nowrap">{r.mobileMasked}</span> },
    { id: "status", header: t("status"), cell: (r) => <PretrialStatusBadge status={r.status} errReason={r.errReason} /> },
    { id: "customerLevel", header: t("level"), align: "right", cell: (r) => <span className="font-semibold">{r.customerLevel ?? "—"}</span> },
    { id: "dealer", header: t("dealerName"), cell: (r) => <span className="block max-w-56 truncate" title={r.dealerName ?? undefined}>{r.dealerName ?? "—"}</span> },
    { id: "officer", header: t("officer"), cell: (r) => <span className="block max-w-32 truncate">{r.officerName}</span> },
    { id: "createdAt", header: t("createdAt"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</span> },
    {
      id: "actions",
      header: t("actions"),
      cell: (r) => <RowActions href={`/pretrial/${r.id}`} retryHref={canWrite && RETRYABLE.has(r.status) ? `/pretrial/new?from=${r.id}` : null} />,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={pretrialList.parsers}
      rowHref={(r) => `/pretrial/${r.id}`}
      toolbar={
        <>
          <TableTabs
            name="tab"
            label={t("status")}
            allLabel={t("tabs.all")}
            tabs={PRETRIAL_TABS.map((tab) => ({ value: tab, label: t(`tabs.${tab}`), count: tabCounts[tab] }))}
          />
          <DataTableToolbar>
            <TableFilterChip name="status" label={(v) => `${t("status")}: ${t(`statuses.${v}` as "statuses.PASSED")}`} />
            <TableFilterChip name="stale" label={(v) => t("staleChip", { hours: Number(v) })} />
            <TableDateShortcuts fromName="from" toName="to" />
            <TableDateRangeFilter fromName="from" toName="to" label={t("createdAt")} />
            <TableSelectFilter name="level" label={t("level")} options={["A", "B", "C", "D"].map((l) => ({ value: l, label: l }))} />
            {officers && <TableSelectFilter name="officer" label={t("officer")} options={officers.map((o) => ({ value: o.id, label: o.displayName }))} />}
            <TableTextFilter name="dealer" label={t("dealerName")} />
            <PersonFilter />
            <TableTextFilter name="ref" label={t("ref")} />
            <TableTextFilter name="product" label={t("product")} />
            <TableResetFilters />
            <ExportButtons href="/api/pretrial/orders/export" className="ml-auto" />
          </DataTableToolbar>
        </>
      }
    />
  );
}
