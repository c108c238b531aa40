"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableDateShortcuts, ExportButtons, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { REPORT_STATUSES, reportList } from "@/lib/credit-reports/list-params";
import type { ReportRow } from "@/lib/credit-reports/queries";
import type { CappedCount } from "@/lib/list/cursor";
import { formatYuan } from "@/lib/money";
import { REDACTED } from "@/lib/pii/mask";

const STATUS_VARIANT = { UPLOADED: "outline", RECOGNISING: "warning", DONE: "success", FAILED: "destructive" } as const;

export function ReportsTable({ rows, total, cursors }: { rows: ReportRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("creditReports");
  const format = useFormatter();
  const columns: DataTableColumn<ReportRow>[] = [
    {
      id: "subject",
      header: t("subject"),
      cell: (r) => <span>{r.subjectNameMasked ?? REDACTED} <span className="font-mono text-xs text-muted-foreground">{r.subjectIdMasked ?? ""}</span></span>,
    },
    { id: "reportNo", header: t("reportNo"), cell: (r) => <span className="font-mono text-xs">{r.reportNo ?? "—"}</span> },
    { id: "status", header: t("statusLabel"), cell: (r) => <Badge variant={STATUS_VARIANT[r.status]}>{t(`status.${r.status}`)}</Badge> },
    { id: "queries3m", header: t("list.queries3m"), align: "right", cell: (r) => r.indicators?.queries3m ?? "—" },
    { id: "overdue", header: t("list.overdue"), align: "right", cell: (r) => (r.indicators ? `¥${formatYuan(r.indicators.overdueAmountFen)}` : "—") },
    { id: "worst", header: t("list.worst"), align: "right", cell: (r) => r.indicators?.worstStatus24m ?? "—" },
    { id: "utilisation", header: t("list.utilisation"), align: "right", cell: (r) => (r.indicators?.cardUtilisationBp == null ? "—" : `${(r.indicators.cardUtilisationBp / 100).toFixed(1)}%`) },
    { id: "debt", header: t("list.debt"), align: "right", cell: (r) => (r.indicators ? `¥${formatYuan(r.indicators.totalDebtFen)}` : "—") },
    {
      id: "flags",
      header: t("list.flags"),
      cell: (r) => (
        <span className="flex flex-wrap gap-1">
          {(r.indicators?.flags ?? []).map((f) => <Badge key={f} variant="destructive">{t(`flagNames.${f}`)}</Badge>)}
        </span>
      ),
    },
    {
      id: "createdAt",
      header: t("uploadedAt"),
      sortable: true,
      cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</span>,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={reportList.parsers}
      rowHref={(r) => `/credit-reports/${r.id}`}
      caption={t("title")}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="status" label={t("list.filterStatus")} options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <TableSelectFilter name="overdue" label={t("list.overdue")} options={[{ value: "yes", label: t("list.overdueOnly") }]} />
          <TableDateShortcuts fromName="from" toName="to" />
          <TableDateRangeFilter fromName="from" toName="to" label={t("uploadedAt")} />
          <TableTextFilter name="q" label={t("list.search")} />
          <TableResetFilters />
          <ExportButtons href="/api/credit-reports/export" className="ml-auto" />
        </DataTableToolbar>
      }
    />
  );
}
