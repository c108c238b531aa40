"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableResetFilters, TableSelectFilter, TableTextFilter } from "@/components/data-table";
import { LEDGER_STATUSES, REQUEST_STATUSES, requestList } from "@/lib/custody/list-params";
import type { RequestRow } from "@/lib/custody/queries";
import type { CappedCount } from "@/lib/list/cursor";
import { formatYuan } from "@/lib/money";
import { LANMAO_SERVICE_NAMES, LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { LedgerStatusBadge, RequestStatusBadge } from "./status-badges";


/** The request log: pending requests (sent, unknown) and ledger state side by side with the confirmed ones. */
export function RequestsTable({ rows, total, cursors }: { rows: RequestRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("custody");
  const format = useFormatter();
  // The interface's name in the UI language, and its wire name (what 联银通's documents and check files use).
  const serviceLabel = (s: string) => (s in LANMAO_SERVICES ? `${t(`services.${s as LanmaoServiceName}`)} ${s}` : s);
  const when = (d: Date | null) => (d ? <span className="whitespace-nowrap">{format.dateTime(new Date(d), { dateStyle: "short", timeStyle: "medium" })}</span> : "—");
  const columns: DataTableColumn<RequestRow>[] = [
    { id: "requestNo", header: t("requestNo"), cell: (r) => <span className="font-mono text-xs">{r.requestNo}</span> },
    { id: "service", header: t("service"), cell: (r) => <span className="whitespace-nowrap text-xs">{serviceLabel(r.serviceName)}</span> },
    { id: "platformUserNo", header: t("platformUserNo"), cell: (r) => <span className="font-mono text-xs">{r.platformUserNo ?? "—"}</span> },
    { id: "projectNo", header: t("projectNo"), cell: (r) => <span className="font-mono text-xs">{r.projectNo ?? "—"}</span> },
    { id: "amount", header: t("amount"), align: "right", cell: (r) => (r.amount === null ? "—" : <span className="tabular-nums">{formatYuan(r.amount)}</span>) },
    { id: "status", header: t("status"), cell: (r) => <RequestStatusBadge status={r.status} /> },
    { id: "ledger", header: t("ledger"), cell: (r) => <LedgerStatusBadge status={r.ledgerStatus} note={r.ledgerNote} /> },
    { id: "attempts", header: t("attempts"), align: "right", cell: (r) => r.attempts },
    { id: "createdAt", header: t("createdAt"), sortable: true, cell: (r) => when(r.createdAt) },
    { id: "confirmedAt", header: t("confirmedAt"), cell: (r) => when(r.confirmedAt) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={requestList.parsers}
      caption={t("requestsCaption")}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="status" label={t("status")} options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <TableSelectFilter name="ledger" label={t("ledger")} options={LEDGER_STATUSES.map((s) => ({ value: s, label: s === "NONE" ? "—" : t(`ledgerStatuses.${s}`) }))} />
          <TableSelectFilter name="service" label={t("service")} options={LANMAO_SERVICE_NAMES.map((s) => ({ value: s, label: serviceLabel(s) }))} />
          <TableTextFilter name="ref" label={t("ref")} />
          <TableResetFilters />
        </DataTableToolbar>
      }
    />
  );
}
