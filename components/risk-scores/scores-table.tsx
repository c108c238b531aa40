"use client";

import { useFormatter, useTranslations } from "next-intl";
import { REDACTED } from "@/lib/pii/mask";
import {
  DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableDateShortcuts, ExportButtons, TableDateRangeFilter, TableResetFilters, TableSelectFilter, TableTextFilter,
} from "@/components/data-table";
import type { CappedCount } from "@/lib/list/cursor";
import type { ScoreRow } from "@/lib/risk-scores/queries";
import { ScoreDecisionBadge } from "./decision-badge";
import { formatScore } from "@/lib/risk-scores/outcome";
import { CHANNEL_KINDS, SCORE_DECISIONS, SCORE_STATUSES, scoreList } from "@/lib/risk-scores/list-params";

/** Rows arrive through the server page, so dates are Date objects here, as in the pretrial list. */
export function ScoresTable({ rows, total, cursors }: { rows: ScoreRow[]; total: CappedCount; cursors: PageCursors }) {
  const t = useTranslations("riskScores");
  const format = useFormatter();
  const columns: DataTableColumn<ScoreRow>[] = [
    { id: "zwOrder", header: t("zwOrder"), cell: (r) => <span className="font-mono text-xs">{r.zwOrder}</span> },
    {
      id: "customer",
      header: t("customer"),
      cell: (r) => <span>{r.profile.realNameMasked ?? REDACTED} <span className="font-mono text-xs text-muted-foreground">{r.profile.idNumberMasked}</span></span>,
    },
    { id: "channelKind", header: t("channelKind"), cell: (r) => t(`channels.${r.channelKind}`) },
    { id: "score", header: t("score"), sortable: true, align: "right", cell: (r) => <span className="font-semibold">{formatScore(r.score)}</span> },
    { id: "cutoff", header: t("cutoff"), align: "right", cell: (r) => r.cutoff ?? "—" },
    { id: "status", header: t("decision"), cell: (r) => <ScoreDecisionBadge status={r.status} decision={r.decision} lastError={r.lastError} /> },
    {
      id: "createdAt",
      header: t("createdAt"),
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
      parsers={scoreList.parsers}
      rowHref={(r) => `/risk-scores/${r.id}`}
      caption={t("tableCaption")}
      toolbar={
        <DataTableToolbar>
          <TableSelectFilter name="status" label={t("status")} options={SCORE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <TableSelectFilter name="decision" label={t("decision")} options={SCORE_DECISIONS.map((d) => ({ value: d, label: t(`outcomes.${d}`) }))} />
          <TableSelectFilter name="channel" label={t("channelKind")} options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`channels.${k}`) }))} />
          <TableDateShortcuts fromName="from" toName="to" />
          <TableDateRangeFilter fromName="from" toName="to" label={t("createdAt")} />
          <TableTextFilter name="ref" label={t("ref")} />
          <TableResetFilters />
          <ExportButtons href="/api/risk-scores/export" className="ml-auto" />
        </DataTableToolbar>
      }
    />
  );
}
