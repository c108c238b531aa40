"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { explainExceptionAction, refreshExceptionAction } from "@/lib/reconciliation/actions";
import type { ExceptionRow } from "@/lib/reconciliation/queries";
import { ProposeAdjustment } from "./adjustments";
import { formatYuan } from "@/lib/money";

const yuan = (fen: string | null) => (fen === null ? "—" : formatYuan(BigInt(fen)));

/** The exceptions of a run; each open one can be explained in place (audited). */
export function ExceptionsTable({ runId, rows, canEdit }: { runId: string; rows: ExceptionRow[]; canEdit: boolean }) {
  const t = useTranslations("reconciliation");
  return (
    <Table data-testid="recon-exceptions">
      <TableHeader>
        <TableRow>
          <TableHead>{t("run.outcome")}</TableHead>
          <TableHead>{t("run.key")}</TableHead>
          <TableHead className="hidden md:table-cell">{t("run.shape")}</TableHead>
          <TableHead className="text-right">{t("run.theirs")}</TableHead>
          <TableHead className="text-right">{t("run.ours")}</TableHead>
          <TableHead>{t("run.state")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-kind={r.kind} data-key={r.matchKey}>
            <TableCell>
              <Badge variant={r.state === "OPEN" ? "destructive" : "outline"}>{t(`kind.${r.kind}` as "kind.MATCHED")}</Badge>
              <div className="mt-1 font-mono text-xs text-muted-foreground">{r.fileType}</div>
            </TableCell>
            <TableCell className="min-w-28 max-w-40 whitespace-normal break-all font-mono text-xs">
              {r.matchKey}
              {r.firstLine !== null && <div className="text-muted-foreground">{t("run.line")} {r.firstLine}</div>}
            </TableCell>
            <TableCell className="hidden tabular-nums md:table-cell">
              {r.theirLines} / {r.ourRows}
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {yuan(r.theirAmount)}
              {r.theirFee !== null && <div className="text-xs text-muted-foreground">{yuan(r.theirFee)}</div>}
              <div className="text-xs text-muted-foreground">{r.theirStatus}</div>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {yuan(r.ourAmount)}
              {r.ourFee !== null && <div className="text-xs text-muted-foreground">{yuan(r.ourFee)}</div>}
              <div className="text-xs text-muted-foreground">{r.ourStatus}</div>
            </TableCell>
            <TableCell className="min-w-48">
              {r.state === "OPEN" && canEdit ? (
                <div className="grid gap-2">
                  {r.note && <div className="text-xs text-muted-foreground">{r.note}</div>}
                  <ExplainForm runId={runId} lineId={r.id} />
                  {r.fileType !== "BALANCE" && <RefreshButton runId={runId} lineId={r.id} />}
                  <ProposeAdjustment runId={runId} lineId={r.id} owner={r.platformUserNo} />
                </div>
              ) : (
                <StateText state={r.state} note={r.note} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function StateText({ state, note }: { state: string; note: string | null }) {
  const t = useTranslations("reconciliation.run");
  return (
    <div>
      <div>{t(state as "OPEN")}</div>
      {note && <div className="text-xs text-muted-foreground">{note}</div>}
    </div>
  );
}

function ExplainForm({ runId, lineId }: { runId: string; lineId: string }) {
  const t = useTranslations("reconciliation.run");
  const [note, setNote] = useState("");
  const { execute, result, isPending } = useAction(explainExceptionAction, { onSuccess: () => toast.success(t("explained")) });
  const { formError, fieldErrors } = useActionErrors(result);
  return (
    <form
      className="grid gap-2"
      data-testid="recon-explain"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ runId, lineId, note });
      }}
    >
      <Textarea aria-label={t("note")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} required />
      {(formError ?? fieldErrors.note?.[0]) && <p className="text-xs text-destructive">{formError ?? fieldErrors.note?.[0]}</p>}
      <Button type="submit" size="sm" variant="outline" disabled={isPending}>
        {isPending ? t("explaining") : t("explain")}
      </Button>
    </form>
  );
}

function RefreshButton({ runId, lineId }: { runId: string; lineId: string }) {
  const t = useTranslations("reconciliation.run");
  const { execute, result, isPending } = useAction(refreshExceptionAction, {
    onSuccess: ({ data }) => (data?.resolved ? toast.success(t("refreshResolved")) : toast.info(t("refreshStillOpen"))),
  });
  const { formError } = useActionErrors(result);
  return (
    <div>
      <Button type="button" size="sm" variant="ghost" disabled={isPending} onClick={() => execute({ runId, lineId })} data-testid="recon-refresh">
        {isPending ? t("refreshing") : t("refresh")}
      </Button>
      {formError && <p className="text-xs text-destructive">{formError}</p>}
    </div>
  );
}
