"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** One labelled text input of the profile form; label and hint come from the riskProfile messages by name. */
export function TextField({
  name, required, hint, fieldErrors, ...input
}: { name: string; required?: boolean; hint?: string; fieldErrors: Record<string, string[]> } & Omit<ComponentProps<typeof Input>, "name">) {
  const t = useTranslations("riskProfile");
  return (
    <FormField label={t(name)} name={name} required={required} fieldErrors={fieldErrors} description={hint ? t(hint) : undefined}>
      <Input name={name} autoComplete="off" {...input} />
    </FormField>
  );
}
