"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableDateShortcuts, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import type { CappedCount } from "@/lib/list/cursor";
import { Badge } from "@/components/ui/badge";
import type { AuditRow } from "@/lib/audit/queries";
import { auditList } from "@/lib/audit/list-params";

const OUTCOME_VARIANT = { ok: "success", denied: "destructive", error: "warning" } as const;

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-muted-foreground">—</span>;
  const show = (v: unknown) => (v == null ? "∅" : JSON.stringify(v));
  return (
    <code className="block max-w-md truncate text-xs" title={`${show(before)} → ${show(after)}`}>
      {show(before)} → {show(after)}
    </code>
  );
}

export function AuditTable({ rows, total, cursors }: { rows: AuditRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("audit");
  const tr = useTranslations("auth.roles");
  const format = useFormatter();
  const columns: DataTableColumn<AuditRow>[] = [
    { id: "at", header: t("at"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.at), { dateStyle: "short", timeStyle: "medium" })}</span> },
    {
      id: "actor",
      header: t("actor"),
      cell: (r) => (r.actorName ? <span>{r.actorName}{r.actorRole && <span className="ml-1 text-xs text-muted-foreground">{tr(r.actorRole)}</span>}</span> : <span className="text-muted-foreground">{t("system")}</span>),
    },
    { id: "action", header: t("action"), cell: (r) => <code className="text-xs">{r.action}</code> },
    { id: "outcome", header: t("outcome"), cell: (r) => <Badge variant={OUTCOME_VARIANT[r.outcome as keyof typeof OUTCOME_VARIANT] ?? "outline"}>{t.has(`outcomes.${r.outcome}`) ? t(`outcomes.${r.outcome}`) : r.outcome}</Badge> },
    { id: "target", header: t("target"), cell: (r) => (r.targetType ? <span className="text-xs">{r.targetType} <code>{r.targetId}</code></span> : "—") },
    { id: "change", header: t("change"), cell: (r) => <Change before={r.before} after={r.after} /> },
    { id: "detail", header: t("detail"), cell: (r) => <span className="text-xs text-muted-foreground">{r.detail ?? ""}</span> },
    { id: "ip", header: t("ip"), cell: (r) => <span className="font-mono text-xs">{r.ip ?? ""}</span> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      cursors={cursors}
      parsers={auditList.parsers}
      toolbar={
        <DataTableToolbar>
          <TableTextFilter name="actor" label={t("filterActor")} />
          <TableTextFilter name="action" label={t("filterAction")} />
          <TableSelectFilter name="outcome" label={t("outcome")} options={(["ok", "denied", "error"] as const).map((o) => ({ value: o, label: t(`outcomes.${o}`) }))} />
          <TableTextFilter name="target" label={t("filterTarget")} />
          <TableDateShortcuts fromName="from" toName="to" />
          <TableDateRangeFilter fromName="from" toName="to" label={t("at")} />
          <TableResetFilters />
        </DataTableToolbar>
      }
    />
  );
}
