"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useFieldArray, useForm } from "react-hook-form";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { proposeDebtTransferAction } from "@/lib/custody/form-actions";
import { MAX_TRANSFER_SELLERS, type TDebtTransferForm, ZDebtTransferForm } from "@/lib/custody/op-schemas";

const emptyLine = { seller: "", originalConfirmRequestNo: "", amount: "", share: "" };

/**
 * §2.18 债权转让确认 with one or several sellers paid from one buyer's CREDIT_ASSIGNMENT hold:
 * a line per seller (whose debt, the original purchase, payment, share). Validated by the
 * schema here and in the action; the service checks each seller against what they hold and
 * proposes the whole confirmation for a second finance user's approval. Loaded when opened
 * (custody-form.tsx DebtTransferForm), like the other operations' forms.
 */
export default function DebtTransferFormBody({ projectNo }: { projectNo: string }) {
  const t = useTranslations("custody.ops");
  const form = useForm<TDebtTransferForm>({
    resolver: zodResolver(ZDebtTransferForm),
    defaultValues: { projectNo, preTransactionNo: "", commission: "0", sellers: [emptyLine] },
    mode: "onTouched",
  });
  const lines = useFieldArray({ control: form.control, name: "sellers" });
  const { execute, result, isPending, reset } = useAction(proposeDebtTransferAction);
  const { fieldErrors, formError, translate } = useActionErrors(result);
  const errors = form.formState.errors;
  const clientError = (message: unknown) => (typeof message === "string" ? translate(message) : undefined);
  const yuan = { inputMode: "decimal" as const, autoComplete: "off" };
  return (
    <form
      className="grid gap-3 border-t p-3"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        reset();
        execute({ ...values, projectNo });
      })}
    >
      <p className="text-sm text-muted-foreground">{t("transferRule")}</p>
      {formError && (
        <Alert variant="destructive" data-testid="op-error">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t("buyerHold")} name="preTransactionNo" error={clientError(errors.preTransactionNo?.message)} fieldErrors={fieldErrors} required>
          <Input {...form.register("preTransactionNo")} autoComplete="off" data-testid="op-preTransactionNo" />
        </FormField>
        <FormField label={t("commission")} name="commission" error={clientError(errors.commission?.message)} fieldErrors={fieldErrors} required>
          <Input {...form.register("commission")} {...yuan} data-testid="op-commission" />
        </FormField>
      </div>
      {lines.fields.map((line, i) => (
        <fieldset key={line.id} className="grid min-w-0 gap-3 rounded-md border p-3 sm:grid-cols-2 lg:grid-cols-4" data-testid={`op-seller-${i}`}>
          <legend className="px-1 text-sm font-medium">{t("sellerLine", { n: i + 1 })}</legend>
          <FormField label={t("seller")} name={`sellers.${i}.seller`} error={clientError(errors.sellers?.[i]?.seller?.message)} fieldErrors={fieldErrors} required>
            <Input {...form.register(`sellers.${i}.seller`)} autoComplete="off" data-testid={`op-sellers-${i}-seller`} />
          </FormField>
          <FormField label={t("originalConfirm")} name={`sellers.${i}.originalConfirmRequestNo`} error={clientError(errors.sellers?.[i]?.originalConfirmRequestNo?.message)} fieldErrors={fieldErrors} required>
            <Input {...form.register(`sellers.${i}.originalConfirmRequestNo`)} autoComplete="off" data-testid={`op-sellers-${i}-originalConfirmRequestNo`} />
          </FormField>
          <FormField label={t("payment")} name={`sellers.${i}.amount`} error={clientError(errors.sellers?.[i]?.amount?.message)} fieldErrors={fieldErrors} required>
            <Input {...form.register(`sellers.${i}.amount`)} {...yuan} data-testid={`op-sellers-${i}-amount`} />
          </FormField>
          <FormField label={t("share")} name={`sellers.${i}.share`} error={clientError(errors.sellers?.[i]?.share?.message)} fieldErrors={fieldErrors} required>
            <Input {...form.register(`sellers.${i}.share`)} {...yuan} data-testid={`op-sellers-${i}-share`} />
          </FormField>
          {lines.fields.length > 1 && (
            <div className="sm:col-span-2 lg:col-span-4">
              <Button type="button" variant="outline" size="sm" onClick={() => lines.remove(i)} data-testid={`op-sellers-${i}-remove`}>
                {t("removeSeller")}
              </Button>
            </div>
          )}
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        {lines.fields.length < MAX_TRANSFER_SELLERS && (
          <Button type="button" variant="outline" size="sm" onClick={() => lines.append(emptyLine)} data-testid="op-add-seller">
            {t("addSeller")}
          </Button>
        )}
        <Button type="submit" size="sm" disabled={isPending} data-testid="op-debt-transfer-submit">
          {t("propose")}
        </Button>
        {result.data?.approvalId && (
          <span className="text-sm text-muted-foreground" aria-live="polite" data-testid="op-proposed">
            {t("proposed")}
          </span>
        )}
      </div>
    </form>
  );
}
