"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { IdNumberHint } from "./id-number-hint";
import { PhotoInput } from "./photo-input";

export type NewOrderDefaults = {
  customerName?: string;
  idNumber?: string;
  mobile?: string;
  dealerName?: string;
  retriedFromId?: string;
  retriedFromRef?: string;
};

/**
 * The new pretrial order. Multipart to /api/pretrial/orders (photos exceed the server-action
 * limit). One idempotency key per form: a double click or a retry after a network error finds
 * the same order instead of creating a second one.
 */
export function NewOrderForm({ defaults, channel, creditType }: { defaults: NewOrderDefaults; channel: string; creditType: string }) {
  const t = useTranslations("pretrial");
  const tv = useTranslations("validation");
  const router = useRouter();
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const [idNumber, setIdNumber] = useState(defaults.idNumber ?? "");
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reusePhotos = !!defaults.retriedFromId;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFormError(null);
    const body = new FormData(event.currentTarget);
    body.set("idempotencyKey", idempotencyKey.current);
    try {
      const res = await fetch("/api/pretrial/orders", { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as { orderId?: string; fieldErrors?: Record<string, string[]>; error?: string };
      if (res.ok && json.orderId) {
        router.push(`/pretrial/${json.orderId}`);
        return;
      }
      const translated = Object.fromEntries(Object.entries(json.fieldErrors ?? {}).map(([k, msgs]) => [k, msgs.map((m) => (tv.has(m) ? tv(m) : m))]));
      setFieldErrors(translated);
      setFormError(t("submitError"));
    } catch {
      setFormError(t("networkError"));
    }
    setPending(false);
  }

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>{defaults.retriedFromRef ? t("newFrom", { ref: defaults.retriedFromRef }) : t("new")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="grid gap-5 sm:grid-cols-2" noValidate data-testid="new-order-form">
          {formError && (
            <Alert variant="destructive" className="sm:col-span-2">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          {defaults.retriedFromId && <input type="hidden" name="retriedFromId" value={defaults.retriedFromId} />}
          <FormField label={t("customerName")} name="customerName" fieldErrors={fieldErrors} required>
            <Input name="customerName" defaultValue={defaults.customerName} autoComplete="off" />
          </FormField>
          <FormField label={t("mobile")} name="mobile" fieldErrors={fieldErrors} required>
            <Input name="mobile" defaultValue={defaults.mobile} inputMode="numeric" maxLength={11} autoComplete="off" />
          </FormField>
          <FormField label={t("idNumber")} name="idNumber" fieldErrors={fieldErrors} required description={<IdNumberHint value={idNumber} />}>
            <Input name="idNumber" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={18} autoComplete="off" className="font-mono" />
          </FormField>
          <FormField label={t("dealerName")} name="dealerName" fieldErrors={fieldErrors}>
            <Input name="dealerName" defaultValue={defaults.dealerName} autoComplete="off" />
          </FormField>
          <FormField label={t("photoFront")} name="photoFront" fieldErrors={fieldErrors} required={!reusePhotos} description={reusePhotos ? t("photoReuse") : t("photoHint")}>
            {(control) => <PhotoInput name="photoFront" {...control} />}
          </FormField>
          <FormField label={t("photoBack")} name="photoBack" fieldErrors={fieldErrors} required={!reusePhotos} description={reusePhotos ? t("photoReuse") : t("photoHint")}>
            {(control) => <PhotoInput name="photoBack" {...control} />}
          </FormField>
          <div className="text-sm text-muted-foreground sm:col-span-2">
            {t("channel")}: <span className="font-mono">{channel}</span> · {t("creditType")}: <span className="font-mono">{creditType}</span>
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending} data-testid="submit-order">
              {pending ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
