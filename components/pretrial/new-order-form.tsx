"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useDeferredModule } from "@/components/forms/use-deferred-module";
import { ORDER_FORM_FIELDS, type OrderFormField } from "@/lib/pretrial/order-form-fields";
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
export function NewOrderForm({ defaults, config }: { defaults: NewOrderDefaults; config: { channel: string; creditType: string } | null }) {
  const t = useTranslations("pretrial");
  const tv = useTranslations("validation");
  const tc = useTranslations("common");
  const router = useRouter();
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const [idNumber, setIdNumber] = useState(defaults.idNumber ?? "");
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const reusePhotos = !!defaults.retriedFromId;
  const formRef = useRef<HTMLFormElement>(null);
  // Fields the officer has left once: from then on they are checked as they change.
  const touched = useRef(new Set<OrderFormField>());
  // The checks use the server's zod schema: loaded after the page, not with it (first-load JS).
  const checks = useDeferredModule(() => import("@/lib/pretrial/order-form-check"));

  const valueOf = (form: HTMLFormElement, field: OrderFormField) => {
    const v = new FormData(form).get(field);
    return typeof v === "string" || v instanceof File ? v : null;
  };
  const setFieldError = (field: OrderFormField, key: string | null) =>
    setFieldErrors((prev) => {
      const next = { ...prev };
      if (key) next[field] = [tv(key)];
      else delete next[field];
      return next;
    });
  const checkField = (field: OrderFormField) => {
    const c = checks.get();
    if (!formRef.current || !c) return;
    setFieldError(field, c.checkOrderField(field, valueOf(formRef.current, field), { photosOptional: reusePhotos }));
  };
  // On blur the field counts as touched; on change a touched field is checked again.
  const onBlur = (e: React.FocusEvent<HTMLFormElement>) => {
    const input = e.target as unknown as HTMLInputElement;
    const name = input.name as OrderFormField;
    // A file input loses focus while its picker is open: it is checked when a file is chosen.
    if (!ORDER_FORM_FIELDS.includes(name) || input.type === "file") return;
    // Leaving the field for the submit button: the submit checks everything, and a message
    // appearing now would move the button away from under the pointer before the click lands.
    if ((e.relatedTarget as HTMLElement | null)?.getAttribute("type") === "submit") return;
    touched.current.add(name);
    checkField(name);
  };
  const onChange = (e: React.FormEvent<HTMLFormElement>) => {
    const input = e.target as unknown as HTMLInputElement;
    const name = input.name as OrderFormField;
    if (!ORDER_FORM_FIELDS.includes(name)) return;
    if (input.type === "file") touched.current.add(name);
    if (touched.current.has(name)) checkField(name);
  };
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const { checkOrderField } = await checks.load();
    // Every field, photos included, checked at once: one list of what to fix.
    const clientErrors = Object.fromEntries(
      ORDER_FORM_FIELDS.map((f) => [f, checkOrderField(f, valueOf(form, f), { photosOptional: reusePhotos })] as const)
        .filter(([, key]) => key !== null)
        .map(([f, key]) => [f, [tv(key!)]]),
    );
    ORDER_FORM_FIELDS.forEach((f) => touched.current.add(f));
    if (Object.keys(clientErrors).length > 0) {
      setFieldErrors(clientErrors);
      setFormError(t("submitError"));
      focusFirstInvalid();
      return;
    }
    setPending(true);
    setFormError(null);
    const body = new FormData(form);
    body.set("idempotencyKey", idempotencyKey.current);
    try {
      const res = await fetch("/api/pretrial/orders", { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as { orderId?: string; fieldErrors?: Record<string, string[]>; error?: string };
      if (res.ok && json.orderId) {
        router.push(`/pretrial/${json.orderId}`);
        return;
      }
      // One message per field: the first the server gave.
      const translated = Object.fromEntries(Object.entries(json.fieldErrors ?? {}).map(([k, msgs]) => [k, msgs.slice(0, 1).map((m) => (tv.has(m) ? tv(m) : m))]));
      setFieldErrors(translated);
      setFormError(t("submitError"));
      focusFirstInvalid();
    } catch {
      setFormError(t("networkError"));
    }
    setPending(false);
  }

  return (
    <Card className="max-w-3xl min-w-0">
      <CardHeader>
        <CardTitle>{defaults.retriedFromRef ? t("newFrom", { ref: defaults.retriedFromRef }) : t("new")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form ref={formRef} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} className="grid min-w-0 gap-5 sm:grid-cols-2" noValidate data-testid="new-order-form">
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
          {/* Configuration, not something an officer decides: shown to admins only. */}
          {config && (
            <div className="text-sm text-muted-foreground sm:col-span-2" data-testid="order-config">
              {t("channel")}: <span className="font-mono">{config.channel}</span> · {t("creditType")}: <span className="font-mono">{config.creditType}</span>
            </div>
          )}
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending} data-testid="submit-order">
              {pending ? t("submitting") : t("submit")}
            </Button>
            <Button type="button" variant="outline" asChild>
              <Link href={defaults.retriedFromId ? `/pretrial/${defaults.retriedFromId}` : "/pretrial"} data-testid="cancel-order">
                {tc("cancel")}
              </Link>
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
