"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { closeDayAction, reopenDayAction } from "@/lib/reconciliation/actions";

type Props = { runId: string; status: string; open: number; isAdmin: boolean; latestOfDay: boolean; closeMode: string | null; closeSent: boolean | null };

/** Close (CONFIRM_CHECKFILE), admin override with a reason, or reopen a closed day. */
export function ClosePanel({ runId, status, open, isAdmin, latestOfDay, closeMode, closeSent }: Props) {
  const t = useTranslations("reconciliation");
  const [reason, setReason] = useState("");
  const [send, setSend] = useState(false);
  const close = useAction(closeDayAction, { onSuccess: () => toast.success(t("close.closed")) });
  const reopen = useAction(reopenDayAction, { onSuccess: () => toast.success(t("close.reopened")) });
  const closeErrors = useActionErrors(close.result);
  const reopenErrors = useActionErrors(reopen.result);
  if (status === "CLOSED") {
    return (
      <form
        className="grid gap-3"
        data-testid="recon-reopen"
        onSubmit={(e) => {
          e.preventDefault();
          reopen.execute({ runId, reason });
        }}
      >
        <p className="text-sm" data-testid="recon-closed-info">{t("close.closedInfo", { mode: closeMode ?? "", sent: String(closeSent) })}</p>
        {reopenErrors.formError && <p className="text-sm text-destructive">{reopenErrors.formError}</p>}
        <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
          <div className="grid gap-1">
            <Label htmlFor="recon-reopen-reason">{t("close.reopenReason")}</Label>
            <Input id="recon-reopen-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
          </div>
          <Button type="submit" variant="outline" disabled={reopen.isPending}>{t("close.reopen")}</Button>
        </div>
      </form>
    );
  }
  if (status !== "MATCHED") return null;
  if (!latestOfDay) return <p className="text-sm text-muted-foreground">{t("run.notLatest")}</p>;
  return (
    <div className="grid gap-4" data-testid="recon-close">
      {closeErrors.formError && (
        <Alert variant="destructive">
          <AlertDescription>{closeErrors.formError}</AlertDescription>
        </Alert>
      )}
      <p className="text-sm">{open > 0 ? t("close.openBlock", { open }) : t("close.ready")}</p>
      {open === 0 && (
        <div>
          <Button disabled={close.isPending} onClick={() => close.execute({ runId })} data-testid="recon-close-day">
            {close.isPending ? t("close.closing") : t("close.close")}
          </Button>
        </div>
      )}
      {open > 0 && isAdmin && (
        <form
          className="grid gap-3 rounded-md border p-3"
          data-testid="recon-override"
          onSubmit={(e) => {
            e.preventDefault();
            close.execute({ runId, override: { reason, send } });
          }}
        >
          <div className="grid gap-1">
            <Label htmlFor="recon-override-reason">{t("close.reason")}</Label>
            <Input id="recon-override-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
          </div>
          <div className="flex items-center gap-2">
            <Checkbox id="recon-override-send" checked={send} onCheckedChange={(v) => setSend(v === true)} />
            <Label htmlFor="recon-override-send">{t("close.sendCall")}</Label>
          </div>
          <div>
            <Button type="submit" variant="destructive" disabled={close.isPending}>{t("close.override")}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
