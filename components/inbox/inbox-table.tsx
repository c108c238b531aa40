"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableDateShortcuts, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import type { CappedCount } from "@/lib/list/cursor";
import type { InboxRow } from "@/lib/inbox/queries";
import { INBOX_STATUSES, inboxList } from "@/lib/inbox/list-params";
import { InboxStatusBadge } from "./status-badge";

export function InboxTable({ rows, total, cursors, sources }: { rows: InboxRow[]; total: CappedCount; cursors: PageCursors; sources: string[] }) {
  const t = useTranslations("inbox");
  const ts = useTranslations("inbox.statuses");
  const format = useFormatter();
  const columns: DataTableColumn<InboxRow>[] = [
    { id: "id", header: "#", cell: (r) => <span className="font-mono text-xs">{r.id}</span> },
    { id: "receivedAt", header: t("receivedAt"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.receivedAt), { dateStyle: "short", timeStyle: "medium" })}</span> },
    { id: "source", header: t("source"), cell: (r) => r.source },
    { id: "eventType", header: t("eventType"), cell: (r) => <code className="text-xs">{r.eventType}</code> },
    { id: "eventKey", header: t("eventKey"), cell: (r) => <code className="text-xs">{r.eventKey ?? "—"}</code> },
    { id: "status", header: t("status"), cell: (r) => <InboxStatusBadge status={r.status} /> },
    { id: "signature", header: t("signature"), cell: (r) => (r.signatureOk ? t("signatureOk") : <span className="text-destructive">{t("signatureBad")}</span>) },
    { id: "attempts", header: t("attempts"), align: "right", cell: (r) => r.attempts },
    { id: "lastError", header: t("lastError"), cell: (r) => <span className="block max-w-xs truncate text-xs text-muted-foreground" title={r.lastError ?? ""}>{r.lastError ?? ""}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={inboxList.parsers}
      rowHref={(r) => `/inbox/${r.id}`}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="source" label={t("source")} options={sources.map((s) => ({ value: s, label: s }))} />
          <TableSelectFilter name="status" label={t("status")} options={INBOX_STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
          <TableTextFilter name="eventType" label={t("eventType")} />
          <TableTextFilter name="key" label={t("eventKey")} />
          <TableDateShortcuts fromName="from" toName="to" />
          <TableDateRangeFilter fromName="from" toName="to" label={t("receivedAt")} />
          <TableResetFilters />
        </DataTableToolbar>
      }
    />
  );
}
