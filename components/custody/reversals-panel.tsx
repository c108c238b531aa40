"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ActionServerError } from "@/lib/safe-action";
import { approveReversalAction, rejectReversalAction } from "@/lib/ledger/reversal-actions";
import type { WaitingReversal } from "@/lib/ledger/reversals";

/** Ledger corrections waiting for a second person: approve (the reversal is posted) or reject. */
export function ReversalsPanel({ reversals, userId }: { reversals: WaitingReversal[]; userId: string }) {
  const t = useTranslations("custody");
  if (reversals.length === 0) return null;
  return (
    <Card data-testid="ledger-reversals">
      <CardHeader>
        <CardTitle>{t("reversals")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {reversals.map((r) => (
          <ReversalItem key={r.id} reversal={r} own={r.makerId === userId} />
        ))}
      </CardContent>
    </Card>
  );
}

function ReversalItem({ reversal, own }: { reversal: WaitingReversal; own: boolean }) {
  const t = useTranslations("custody");
  const format = useFormatter();
  const [reason, setReason] = useState("");
  const approve = useAction(approveReversalAction);
  const reject = useAction(rejectReversalAction);
  const error = ((approve.result.serverError ?? reject.result.serverError) as ActionServerError | undefined)?.message;
  const busy = approve.isPending || reject.isPending;
  return (
    <div className="space-y-2 rounded-md border p-3" data-testid={`reversal-${reversal.id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">#{reversal.transactionId} · {reversal.operation}</span>
        {reversal.requestNo && <span className="font-mono text-xs break-all text-muted-foreground">{reversal.requestNo}</span>}
        <span className="text-xs text-muted-foreground">
          {t("maker")}: {reversal.makerName} · {format.dateTime(new Date(reversal.createdAt), { dateStyle: "short", timeStyle: "short" })}
        </span>
      </div>
      <p className="text-sm break-words">{t("reversalReason")}: {reversal.reason}</p>
      {own ? (
        <p className="text-xs text-muted-foreground">{t("ownRequest")}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" disabled={busy || Boolean(approve.result.data)} onClick={() => approve.execute({ reversalId: reversal.id })} data-testid="approve-reversal">
            {t("approve")}
          </Button>
          <Input className="h-8 w-48" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("rejectReason")} aria-label={t("rejectReason")} />
          <Button size="sm" variant="outline" disabled={busy || !reason.trim()} onClick={() => reject.execute({ reversalId: reversal.id, reason })}>
            {t("reject")}
          </Button>
        </div>
      )}
      {approve.result.data && <p className="text-sm text-muted-foreground">{t("reversalPosted")}</p>}
      {error && (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
