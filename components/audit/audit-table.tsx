"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableDateShortcuts, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import type { CappedCount } from "@/lib/list/cursor";
import { Badge } from "@/components/ui/badge";
import Link from "next/link";
import { AUDIT_ACTIONS, diffFields, showValue } from "@/lib/audit/diff";
import type { AuditRow } from "@/lib/audit/queries";
import { auditList } from "@/lib/audit/list-params";

const OUTCOME_VARIANT = { ok: "success", denied: "destructive", error: "warning" } as const;

/** Where an audited record lives in the console: the target as a link, never a bare row id. */
const TARGET_HREF: Record<string, (id: string) => string> = {
  pretrialOrder: (id) => `/pretrial/${id}`,
  riskScoreRequest: (id) => `/risk-scores/${id}`,
  inboundEvent: (id) => `/inbox/${id}`,
};

function Change({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("audit");
  const changes = diffFields(before, after);
  if (changes.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid min-w-48 max-w-md grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs" data-testid="audit-change">
      {changes.map(({ field, before: b, after: a }) => (
        <div key={field} className="contents">
          <dt className="text-muted-foreground">{t.has(`fields.${field}`) ? t(`fields.${field}`) : field}</dt>
          <dd className="break-all">
            {b !== undefined && <span className="text-muted-foreground line-through decoration-muted-foreground/50">{showValue(b)}</span>}
            {b !== undefined && " → "}
            <span>{showValue(a)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ rows, total, cursors }: { rows: AuditRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("audit");
  const tr = useTranslations("auth.roles");
  const format = useFormatter();
  const actionLabel = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const columns: DataTableColumn<AuditRow>[] = [
    { id: "at", header: t("at"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{format.dateTime(new Date(r.at), { dateStyle: "short", timeStyle: "medium" })}</span> },
    {
      id: "actor",
      header: t("actor"),
      cell: (r) => (r.actorName ? <span>{r.actorName}{r.actorRole && <span className="ml-1 text-xs text-muted-foreground">{tr(r.actorRole)}</span>}</span> : <span className="text-muted-foreground">{t("system")}</span>),
    },
    { id: "action", header: t("action"), cell: (r) => <span className="whitespace-nowrap" title={r.action}>{actionLabel(r.action)}</span> },
    { id: "outcome", header: t("outcome"), cell: (r) => <Badge variant={OUTCOME_VARIANT[r.outcome as keyof typeof OUTCOME_VARIANT] ?? "outline"}>{t.has(`outcomes.${r.outcome}`) ? t(`outcomes.${r.outcome}`) : r.outcome}</Badge> },
    {
      id: "target",
      header: t("target"),
      cell: (r) => {
        if (!r.targetType) return "—";
        const label = t.has(`targetTypes.${r.targetType}`) ? t(`targetTypes.${r.targetType}`) : r.targetType;
        const href = r.targetId ? TARGET_HREF[r.targetType]?.(r.targetId) : undefined;
        return href ? <Link href={href} className="whitespace-nowrap text-primary hover:underline">{label}</Link> : <span className="whitespace-nowrap">{label}</span>;
      },
    },
    { id: "change", header: t("change"), cell: (r) => <Change before={r.before} after={r.after} /> },
    { id: "detail", header: t("detail"), cell: (r) => <span className="block max-w-xs text-xs break-words text-muted-foreground">{r.detail ?? ""}</span> },
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
          <TableSelectFilter name="action" label={t("filterAction")} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
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
