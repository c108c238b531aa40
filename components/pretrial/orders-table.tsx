"use client";

import { useFormatter, useTranslations } from "next-intl";
import { REDACTED } from "@/lib/pii/mask";
import {
  DataTable, type DataTableColumn, DataTableToolbar, ExportButtons, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import type { PretrialRow } from "@/lib/pretrial/queries";
import { PRETRIAL_STATUSES } from "@/lib/pretrial/status";
import { PersonFilter } from "./person-filter";
import { pretrialList } from "@/lib/pretrial/list-params";
import { PretrialStatusBadge } from "./status-badge";

export function OrdersTable({ rows, total, officers }: { rows: PretrialRow[]; total: number; officers: { id: string; displayName: string }[] | null }) {
  const t = useTranslations("pretrial");
  const format = useFormatter();
  const columns: DataTableColumn<PretrialRow>[] = [
    { id: "outsideOrderId", header: t("outsideOrderId"), sortable: true, cell: (r) => <span className="font-mono text-xs">{r.outsideOrderId}</span> },
    { id: "customer", header: t("customer"), cell: (r) => <span>{r.customerNameMasked ?? REDACTED} <span className="font-mono text-xs text-muted-foreground">{r.idNumberMasked}</span></span> },
    { id: "mobile", header: t("mobile"), cell: (r) => <span className="font-mono text-xs">{r.mobileMasked}</span> },
    { id: "status", header: t("status"), sortable: true, cell: (r) => <PretrialStatusBadge status={r.status} /> },
    { id: "customerLevel", header: t("level"), sortable: true, align: "right", cell: (r) => <span className="font-semibold">{r.customerLevel ?? "—"}</span> },
    { id: "dealer", header: t("dealerName"), cell: (r) => r.dealerName ?? "—" },
    { id: "officer", header: t("officer"), cell: (r) => r.officerName },
    { id: "createdAt", header: t("createdAt"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      parsers={pretrialList.parsers}
      rowHref={(r) => `/pretrial/${r.id}`}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="status" label={t("status")} options={PRETRIAL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <TableSelectFilter name="level" label={t("level")} options={["A", "B", "C", "D"].map((l) => ({ value: l, label: l }))} />
          <TableDateRangeFilter fromName="from" toName="to" label={t("createdAt")} />
          {officers && <TableSelectFilter name="officer" label={t("officer")} options={officers.map((o) => ({ value: o.id, label: o.displayName }))} />}
          <TableTextFilter name="dealer" label={t("dealerName")} />
          <PersonFilter />
          <TableTextFilter name="ref" label={t("ref")} />
          <TableTextFilter name="product" label={t("product")} />
          <TableResetFilters />
          <ExportButtons href="/api/pretrial/orders/export" className="ml-auto" />
        </DataTableToolbar>
      }
    />
  );
}
