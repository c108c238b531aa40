import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunSummaryRow } from "@/lib/reconciliation/match";
import { formatYuan } from "@/lib/money";

/**
 * Counts and amounts per file type and outcome, with a bar per row (the chart: the share of
 * each outcome within its file type, so a handful of exceptions among a million lines still shows).
 */
export async function RunSummary({ rows }: { rows: RunSummaryRow[] }) {
  const t = await getTranslations("reconciliation");
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.fileType, (totals.get(r.fileType) ?? 0) + r.count);
  const yuan = (fen: string) => formatYuan(BigInt(fen));
  return (
    <Table data-testid="recon-summary">
      <TableHeader>
        <TableRow>
          <TableHead>{t("run.fileType")}</TableHead>
          <TableHead>{t("run.outcome")}</TableHead>
          <TableHead className="text-right">{t("run.count")}</TableHead>
          <TableHead className="hidden w-40 sm:table-cell" aria-hidden />
          <TableHead className="hidden text-right md:table-cell">{t("run.theirAmount")}</TableHead>
          <TableHead className="hidden text-right md:table-cell">{t("run.ourAmount")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const share = r.count / Math.max(1, totals.get(r.fileType) ?? 1);
          const matched = r.outcome === "MATCHED";
          return (
            <TableRow key={`${r.fileType}-${r.outcome}`} data-outcome={r.outcome}>
              <TableCell className="font-mono text-xs">{r.fileType}</TableCell>
              <TableCell>{t(`kind.${r.outcome}` as "kind.MATCHED")}</TableCell>
              <TableCell className="text-right tabular-nums">{r.count.toLocaleString("en")}</TableCell>
              <TableCell className="hidden sm:table-cell">
                <div className="h-2 w-full rounded bg-muted">
                  <div className={matched ? "h-2 rounded bg-success" : "h-2 rounded bg-destructive"} style={{ width: `${Math.max(2, Math.round(share * 100))}%` }} />
                </div>
              </TableCell>
              <TableCell className="hidden text-right tabular-nums md:table-cell">{yuan(r.theirAmount)}</TableCell>
              <TableCell className="hidden text-right tabular-nums md:table-cell">{yuan(r.ourAmount)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
