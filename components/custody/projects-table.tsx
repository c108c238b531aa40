"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableResetFilters, TableSelectFilter } from "@/components/data-table";
import { PROJECT_STATUSES, projectList } from "@/lib/custody/list-params";
import type { ProjectRow } from "@/lib/custody/queries";
import type { CappedCount } from "@/lib/list/cursor";
import { formatYuan } from "@/lib/money";
import { ProjectStatusBadge } from "./status-badges";

const money = (fen: number) => <span className="tabular-nums">{formatYuan(fen)}</span>;

export function ProjectsTable({ rows, total, cursors }: { rows: ProjectRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("custody");
  const format = useFormatter();
  const columns: DataTableColumn<ProjectRow>[] = [
    { id: "projectNo", header: t("projectNo"), cell: (r) => <span className="font-mono text-xs">{r.projectNo}</span> },
    { id: "name", header: t("project.name"), cell: (r) => r.name },
    { id: "borrower", header: t("project.borrower"), cell: (r) => <span className="font-mono text-xs">{r.borrower}</span> },
    { id: "status", header: t("status"), cell: (r) => <ProjectStatusBadge status={r.status} /> },
    { id: "amount", header: t("project.amount"), align: "right", cell: (r) => money(r.amount) },
    { id: "invested", header: t("project.invested"), align: "right", cell: (r) => money(r.invested) },
    { id: "lent", header: t("project.lent"), align: "right", cell: (r) => money(r.lent) },
    { id: "repaid", header: t("project.repaidPrincipal"), align: "right", cell: (r) => money(r.repaidPrincipal) },
    { id: "createdAt", header: t("createdAt"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={projectList.parsers}
      rowHref={(r) => `/projects/${encodeURIComponent(r.projectNo)}`}
      getRowId={(r) => r.projectNo}
      caption={t("project.caption")}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="status" label={t("status")} options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatuses.${s}`) }))} />
          <TableResetFilters />
        </DataTableToolbar>
      }
    />
  );
}
