"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { startReconRunAction } from "@/lib/reconciliation/actions";

/** Runs any day by hand (yesterday by default); a dry run changes nothing. */
export function RunForm({ defaultDate }: { defaultDate: string }) {
  const t = useTranslations("reconciliation.runForm");
  const router = useRouter();
  const [date, setDate] = useState(defaultDate);
  const [dryRun, setDryRun] = useState(false);
  const [tolerance, setTolerance] = useState("0");
  const [message, setMessage] = useState<string | null>(null);
  const { execute, result, isPending } = useAction(startReconRunAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      if (data.outcome === "failed") {
        setMessage(t("failed", { problem: data.problem, fileType: String(data.fileType ?? ""), line: String(data.line ?? "") }));
        if (data.runId) router.push(`/reconciliation/${data.runId}`);
        return;
      }
      if (data.outcome === "reused") {
        toast.success(t("reused"));
        router.push(`/reconciliation/${data.runId}`);
        return;
      }
      const exceptions = data.summary.filter((s) => s.outcome !== "MATCHED").reduce((n, s) => n + s.count, 0);
      if (data.runId) {
        toast.success(t("matched", { exceptions }));
        router.push(`/reconciliation/${data.runId}`);
      } else setMessage(t("dryMatched", { exceptions }));
    },
  });
  const { fieldErrors, formError } = useActionErrors(result);
  return (
    <form
      className="grid gap-4 sm:grid-cols-[auto_auto_auto_1fr] sm:items-end"
      data-testid="recon-run-form"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(null);
        execute({ fileDate: date.replace(/-/g, ""), dryRun, toleranceFen: Number(tolerance) });
      }}
    >
      {formError && (
        <Alert variant="destructive" className="sm:col-span-4">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <FormField label={t("fileDate")} name="fileDate" fieldErrors={fieldErrors} required>
        <Input type="date" required value={date} onChange={(e) => setDate(e.target.value)} data-testid="recon-date" />
      </FormField>
      <FormField label={t("tolerance")} name="toleranceFen" fieldErrors={fieldErrors}>
        <Input type="number" inputMode="numeric" min={0} step={1} className="w-32 tabular-nums" value={tolerance} onChange={(e) => setTolerance(e.target.value)} />
      </FormField>
      <div className="flex items-center gap-2 pb-2">
        <Checkbox id="recon-dry-run" checked={dryRun} onCheckedChange={(v) => setDryRun(v === true)} data-testid="recon-dry-run" />
        <Label htmlFor="recon-dry-run">{t("dryRun")}</Label>
      </div>
      <div>
        <Button type="submit" disabled={isPending} data-testid="recon-start">
          {isPending ? t("starting") : t("start")}
        </Button>
      </div>
      {message && (
        <Alert className="sm:col-span-4" data-testid="recon-run-message">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      )}
    </form>
  );
}
