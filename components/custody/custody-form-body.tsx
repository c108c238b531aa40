"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type HookSafeActionFn, useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionErrors } from "@/components/forms/use-action-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import * as opSchemas from "@/lib/custody/op-schemas";
import type { CustodyFormProps } from "./custody-form";
import { GatewayHandOver, type HandOver } from "./gateway-hand-over";

type Values = Record<string, string>;
// The form is generic over its action: the browser sends whatever the form's schema accepted,
// and the action checks its own schema again on the server.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Action = HookSafeActionFn<any, any, any, any>;

/**
 * The open form (loaded when first needed, custody-form.tsx): the operation's zod schema
 * validates in the browser (one translated message per field) and again in the server action;
 * rule refusals from the service come back translated and name the rule. `fixed` values (the
 * account, the project) are sent without a field. The outcome: the customer hand-over (page,
 * link, QR) or "sent for approval".
 */
export default function CustodyFormBody(props: CustodyFormProps) {
  const t = useTranslations("custody.ops");
  const fixed = props.fixed ?? {};
  const defaults: Values = { ...Object.fromEntries(props.fields.map((f) => [f.name, f.defaultValue ?? f.options?.[0]?.value ?? ""])), ...fixed };
  const schema = opSchemas[props.schema] as z.ZodType<Values, Values>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: defaults, mode: "onTouched" });
  const { execute, result, isPending, reset } = useAction(props.action);
  const { fieldErrors, formError, translate } = useActionErrors(result);
  const data = result.data as (Partial<HandOver> & { approvalId?: string }) | undefined;
  const clientError = (name: string) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === "string" ? translate(message) : undefined;
  };
  return (
    <form
      className="grid gap-3 border-t p-3"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        reset();
        execute({ ...values, ...fixed } as never);
      })}
    >
      {props.description && <p className="text-sm text-muted-foreground">{props.description}</p>}
      {formError && (
        <Alert variant="destructive" data-testid="op-error">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {props.fields.map((f) => (
          <FormField key={f.name} label={f.label} name={f.name} error={clientError(f.name)} fieldErrors={fieldErrors} required>
            {f.options ? (
              (control) => (
                <NativeSelect {...control} {...form.register(f.name)} data-testid={`op-${f.name}`}>
                  {f.options!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              )
            ) : (
              <Input {...form.register(f.name)} autoComplete="off" inputMode={f.inputMode} data-testid={`op-${f.name}`} />
            )}
          </FormField>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={isPending} data-testid={`${props.testId}-submit`}>
          {props.submit}
        </Button>
        {data?.approvalId && (
          <span className="text-sm text-muted-foreground" aria-live="polite" data-testid="op-proposed">
            {t("proposed")}
          </span>
        )}
      </div>
      {data?.link && data.href && data.requestNo && <GatewayHandOver handOver={data as HandOver} />}
    </form>
  );
}
