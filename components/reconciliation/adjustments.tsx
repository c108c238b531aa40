"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { decideAdjustmentAction, proposeAdjustmentAction } from "@/lib/reconciliation/actions";
import type { AdjustmentRow } from "@/lib/reconciliation/queries";
import { formatYuan } from "@/lib/money";

/** Proposes an adjusting posting for one open exception (a second finance user approves). */
export function ProposeAdjustment({ runId, lineId, owner }: { runId: string; lineId: string; owner: string | null }) {
  const t = useTranslations("reconciliation.adjust");
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ owner: owner ?? "", bucket: "AVAILABLE" as "AVAILABLE" | "FROZEN", amountYuan: "", memo: "" });
  const { execute, result, isPending } = useAction(proposeAdjustmentAction, { onSuccess: () => { toast.success(t("proposed")); setOpen(false); } });
  const { formError, fieldErrors } = useActionErrors(result);
  if (!open) return <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(true)}>{t("propose")}</Button>;
  return (
    <form className="grid gap-2 rounded-md border p-2" onSubmit={(e) => { e.preventDefault(); execute({ runId, lineId, ...values }); }} data-testid="recon-adjust-form">
      <Input aria-label={t("owner")} placeholder={t("owner")} value={values.owner} onChange={(e) => setValues({ ...values, owner: e.target.value })} required />
      <NativeSelect aria-label={t("bucket")} value={values.bucket} onChange={(e) => setValues({ ...values, bucket: e.target.value as "AVAILABLE" | "FROZEN" })}>
        <option value="AVAILABLE">{t("AVAILABLE")}</option>
        <option value="FROZEN">{t("FROZEN")}</option>
      </NativeSelect>
      <Input aria-label={t("amount")} placeholder={t("amount")} inputMode="decimal" value={values.amountYuan} onChange={(e) => setValues({ ...values, amountYuan: e.target.value })} required />
      <Input aria-label={t("memo")} placeholder={t("memo")} value={values.memo} onChange={(e) => setValues({ ...values, memo: e.target.value })} required maxLength={500} />
      {(formError ?? fieldErrors.amountYuan?.[0]) && <p className="text-xs text-destructive">{formError ?? t("badAmount")}</p>}
      <Button type="submit" size="sm" disabled={isPending}>{t("submit")}</Button>
    </form>
  );
}

/** Proposals waiting for a second finance user: approve (posts to the ledger) or reject. */
export function WaitingAdjustments({ runId, rows, currentUserId }: { runId: string; rows: AdjustmentRow[]; currentUserId: string }) {
  const t = useTranslations("reconciliation.adjust");
  const { execute, result, isPending } = useAction(decideAdjustmentAction, { onSuccess: ({ data }) => toast.success(data?.posted ? t("approved") : t("rejected")) });
  const { formError } = useActionErrors(result);
  return (
    <div className="grid gap-3" data-testid="recon-adjustments">
      {formError && <p className="text-sm text-destructive">{formError}</p>}
      {rows.map((a) => (
        <div key={a.id} className="flex flex-col gap-2 rounded-md border p-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0 text-sm">
            <div className="font-mono text-xs break-all">{a.matchKey}</div>
            <div>
              {a.owner} · {t(a.bucket as "AVAILABLE")} · <span className="tabular-nums">{formatYuan(BigInt(a.amount))}</span>
            </div>
            <div className="text-muted-foreground">{a.memo}</div>
          </div>
          {a.makerId === currentUserId ? (
            <p className="text-xs text-muted-foreground">{t("needsSecond")}</p>
          ) : (
            <div className="flex gap-2">
              <Button size="sm" disabled={isPending} onClick={() => execute({ runId, adjustmentId: a.id, decision: "APPROVE" })}>{t("approve")}</Button>
              <Button size="sm" variant="outline" disabled={isPending} onClick={() => execute({ runId, adjustmentId: a.id, decision: "REJECT" })}>{t("reject")}</Button>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
