"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";

/** A native select (posts with the form as is); options are [value, label] pairs. */
export function ChoiceField({ name, options, defaultValue, required, fieldErrors }: { name: string; options: [string, string][]; defaultValue?: string; required?: boolean; fieldErrors: Record<string, string[]> }) {
  const t = useTranslations("riskProfile");
  return (
    <FormField label={t(name)} name={name} required={required} fieldErrors={fieldErrors}>
      {(control) => (
        <select
          name={name}
          defaultValue={defaultValue}
          className="h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          {...control}
        >
          {!required && <option value="">—</option>}
          {options.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      )}
    </FormField>
  );
}
