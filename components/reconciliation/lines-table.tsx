"use client";

import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn, DataTableToolbar, type PageCursors, TableResetFilters, TableSelectFilter } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import type { CappedCount } from "@/lib/list/cursor";
import { formatYuan } from "@/lib/money";
import { CHECK_FILE_TYPES } from "@/lib/reconciliation/checkfile/columns";
import type { ReconLineRow } from "@/lib/reconciliation/lines";
import { LINE_KINDS, LINE_STATES, reconLineList } from "@/lib/reconciliation/list-params";

const yuan = (fen: string | null) => (fen === null ? "—" : formatYuan(BigInt(fen)));

function Side({ amount, fee, frozen, status }: { amount: string | null; fee: string | null; frozen: string | null; status: string | null }) {
  return (
    <div className="text-right tabular-nums">
      {yuan(amount)}
      {fee !== null && <div className="text-xs text-muted-foreground">{yuan(fee)}</div>}
      {frozen !== null && <div className="text-xs text-muted-foreground">{yuan(frozen)}</div>}
      {status && <div className="text-xs text-muted-foreground">{status}</div>}
    </div>
  );
}

/**
 * A run's lines, paged and filtered by file type, kind and state in the URL (lib/reconciliation/lines.ts).
 * Read-only: the exceptions card above works the open ones.
 */
export function ReconLinesTable({ rows, total, cursors, derived }: { rows: ReconLineRow[]; total: CappedCount; cursors: PageCursors; derived: boolean }) {
  const t = useTranslations("reconciliation");
  const columns: DataTableColumn<ReconLineRow>[] = [
    {
      id: "outcome",
      header: t("run.outcome"),
      cell: (r) => (
        <div>
          <Badge variant={r.state === "OPEN" ? "destructive" : "outline"}>{t(`kind.${r.kind ?? "MATCHED"}` as "kind.MATCHED")}</Badge>
          <div className="mt-1 font-mono text-xs text-muted-foreground">{r.fileType}</div>
        </div>
      ),
    },
    {
      id: "line",
      header: t("run.key"),
      sortable: !derived,
      cell: (r) => (
        <div className="min-w-28 max-w-40 whitespace-normal break-all font-mono text-xs md:max-w-none">
          {r.matchKey}
          {r.firstLine !== null && (
            <div className="text-muted-foreground">
              {t("run.line")} {r.firstLine}
            </div>
          )}
        </div>
      ),
    },
    { id: "shape", header: t("run.shape"), className: "hidden md:table-cell", cell: (r) => <span className="tabular-nums">{`${r.theirLines} / ${r.ourRows}`}</span> },
    { id: "theirs", header: t("run.theirs"), align: "right", cell: (r) => <Side amount={r.theirAmount} fee={r.theirFee} frozen={r.theirFrozen} status={r.theirStatus} /> },
    { id: "ours", header: t("run.ours"), align: "right", cell: (r) => <Side amount={r.ourAmount} fee={r.ourFee} frozen={r.ourFrozen} status={r.ourStatus} /> },
    {
      id: "state",
      header: t("run.state"),
      cell: (r) =>
        r.state ? (
          <div className="min-w-24 whitespace-normal">
            <div>{r.resolution && r.resolution !== "EXPLAINED" ? t(`lines.resolution.${r.resolution}` as "lines.resolution.REFRESHED") : t(`run.${r.state}` as "run.OPEN")}</div>
            {r.note && <div className="line-clamp-3 text-xs text-muted-foreground">{r.note}</div>}
          </div>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
  ];
  return (
    <div className="space-y-2" data-testid="recon-lines">
      {derived && <p className="text-xs text-muted-foreground">{t("lines.derived")}</p>}
      <DataTable
        columns={columns}
        rows={rows}
        total={total}
        cursors={cursors}
        parsers={reconLineList.parsers}
        getRowId={(r) => r.id}
        caption={t("lines.title")}
        emptyMessage={t("lines.empty")}
        toolbar={
          <DataTableToolbar>
            <TableSelectFilter name="type" label={t("run.fileType")} options={CHECK_FILE_TYPES.map((v) => ({ value: v, label: v }))} />
            <TableSelectFilter name="kind" label={t("run.outcome")} options={LINE_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
            <TableSelectFilter name="state" label={t("run.state")} options={LINE_STATES.map((v) => ({ value: v, label: t(`run.${v}`) }))} />
            <TableResetFilters />
          </DataTableToolbar>
        }
      />
    </div>
  );
}
