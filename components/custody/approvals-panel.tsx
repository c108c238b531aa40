"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { approveCustodyRequestAction, rejectCustodyRequestAction } from "@/lib/custody/actions";
import type { ApprovalRow } from "@/lib/custody/queries";
import type { ActionServerError } from "@/lib/safe-action";
import { LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";

/** Maker-checker: a finance user approves (and so sends) or rejects what another one proposed. */
export function ApprovalsPanel({ approvals, userId }: { approvals: ApprovalRow[]; userId: string }) {
  const t = useTranslations("custody");
  return (
    <Card data-testid="custody-approvals">
      <CardHeader>
        <CardTitle>{t("approvals")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {approvals.length === 0 && <p className="text-sm text-muted-foreground">{t("approvalsEmpty")}</p>}
        {approvals.map((a) => (
          <ApprovalItem key={a.id} approval={a} own={a.makerId === userId} />
        ))}
      </CardContent>
    </Card>
  );
}

function ApprovalItem({ approval, own }: { approval: ApprovalRow; own: boolean }) {
  const t = useTranslations("custody");
  const format = useFormatter();
  const [reason, setReason] = useState("");
  const approve = useAction(approveCustodyRequestAction);
  const reject = useAction(rejectCustodyRequestAction);
  const error = ((approve.result.serverError ?? reject.result.serverError) as ActionServerError | undefined)?.message;
  const busy = approve.isPending || reject.isPending;
  const { service: _service, requestNo: _requestNo, ...fields } = approval.summary;
  return (
    <div className="space-y-2 rounded-md border p-3" data-testid={`approval-${approval.id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium">
          {approval.serviceName in LANMAO_SERVICES ? t(`services.${approval.serviceName as LanmaoServiceName}`) : approval.serviceName}
        </span>
        <span className="font-mono text-xs text-muted-foreground">{approval.serviceName}</span>
        <span className="font-mono text-xs text-muted-foreground">{approval.requestNo}</span>
        <span className="text-xs text-muted-foreground">
          {t("maker")}: {approval.makerName} · {t("expiresAt")}: {format.dateTime(new Date(approval.expiresAt), { dateStyle: "short", timeStyle: "short" })}
        </span>
      </div>
      <pre className="max-w-full overflow-x-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-xs">{JSON.stringify(fields, null, 1)}</pre>
      {own ? (
        <p className="text-xs text-muted-foreground">{t("ownRequest")}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" disabled={busy} onClick={() => approve.execute({ approvalId: approval.id })} data-testid="approve">
            {t("approve")}
          </Button>
          <Input className="h-8 w-48" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("rejectReason")} aria-label={t("rejectReason")} />
          <Button size="sm" variant="outline" disabled={busy || !reason.trim()} onClick={() => reject.execute({ approvalId: approval.id, reason })}>
            {t("reject")}
          </Button>
        </div>
      )}
      {error && (
        <p className="text-sm text-destructive" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
