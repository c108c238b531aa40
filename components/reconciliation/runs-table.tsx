import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunRow } from "@/lib/reconciliation/queries";
import { RunStatusBadge } from "./run-status-badge";

/** Runs, newest day first: status, exceptions (open), failure line. */
export async function RunsTable({ runs }: { runs: RunRow[] }) {
  const t = await getTranslations("reconciliation.history");
  const format = await getFormatter();
  if (runs.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Table data-testid="recon-runs">
      <TableHeader>
        <TableRow>
          <TableHead>{t("day")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead className="text-right">{t("exceptions")}</TableHead>
          <TableHead className="text-right">{t("open")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("started")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("error")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <Link className="font-medium underline-offset-4 hover:underline" href={`/reconciliation/${r.id}`}>
                {r.fileDate}
              </Link>
            </TableCell>
            <TableCell>
              <RunStatusBadge status={r.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{r.exceptions}</TableCell>
            <TableCell className="text-right tabular-nums">{r.open > 0 ? <Badge variant="destructive">{r.open}</Badge> : 0}</TableCell>
            <TableCell className="hidden md:table-cell">{format.dateTime(r.startedAt, { dateStyle: "short", timeStyle: "short" })}</TableCell>
            <TableCell className="hidden md:table-cell text-muted-foreground">{r.errorProblem ? `${r.errorFileType ?? ""} ${r.errorLine ?? ""} ${r.errorProblem}` : ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
