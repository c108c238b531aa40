"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { setCutoffsAction } from "@/lib/risk-scores/actions";

const KINDS: ChannelKind[] = ["NATURAL", "REFERRAL"];

/** The two cut-offs; the server validates (whole numbers 0–1000) and audits the change. */
export function CutoffsForm({ initial }: { initial: Record<ChannelKind, number> }) {
  const t = useTranslations("riskScores.settings");
  const tc = useTranslations("riskScores.channels");
  const [values, setValues] = useState<Record<ChannelKind, string>>({ NATURAL: String(initial.NATURAL), REFERRAL: String(initial.REFERRAL) });
  const { execute, result, isPending } = useAction(setCutoffsAction, {
    onSuccess: ({ data }) => {
      if (data) setValues({ NATURAL: String(data.NATURAL), REFERRAL: String(data.REFERRAL) });
      toast.success(t("saved"));
    },
  });
  const { fieldErrors, formError } = useActionErrors(result);
  return (
    <form
      className="grid max-w-xl gap-5"
      data-testid="cutoffs-form"
      // The schema coerces, so the raw strings go as they are and the server reports bad ones per field.
      onSubmit={(e) => { e.preventDefault(); execute(values); }}
    >
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {KINDS.map((kind) => (
          <FormField key={kind} label={t("cutoffFor", { channel: tc(kind) })} name={kind} fieldErrors={fieldErrors} description={t(`guidance.${kind}`)} required>
            <Input
              name={kind}
              type="number"
              // The schema refuses a blank box too (it must never become 0 and pass everyone).
              required
              inputMode="numeric"
              min={300}
              max={900}
              step={1}
              className="tabular-nums"
              value={values[kind]}
              onChange={(e) => setValues((v) => ({ ...v, [kind]: e.target.value }))}
            />
          </FormField>
        ))}
      </div>
      <Alert>
        <AlertDescription>{t("keepNote")}</AlertDescription>
      </Alert>
      <div>
        <Button type="submit" disabled={isPending} data-testid="save-cutoffs">{isPending ? t("saving") : t("save")}</Button>
      </div>
    </form>
  );
}
