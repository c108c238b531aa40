"use client";

import { useTranslations } from "next-intl";
import type { ActionServerError } from "@/lib/safe-action";

type Result = { serverError?: unknown; validationErrors?: unknown };

/**
 * Turns a safe-action result into what a form shows: translated field errors (schema keys
 * from `validation`, server-side keys from `errors`) and one form-level message.
 */
export function useActionErrors(result: Result) {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const translate = (key: string) => (tv.has(key) ? tv(key) : te.has(key) ? te(key) : key);
  const fieldErrors: Record<string, string[]> = {};
  const validation = result.validationErrors as { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;
  for (const [field, messages] of Object.entries(validation?.fieldErrors ?? {})) {
    if (messages?.length) fieldErrors[field] = messages.map(translate);
  }
  const server = result.serverError as ActionServerError | undefined;
  for (const [field, messages] of Object.entries(server?.fieldErrors ?? {})) fieldErrors[field] = messages.map(translate);
  const formError = server?.message ?? (validation ? te("VALIDATION") : undefined);
  return { fieldErrors, formError, translate };
}
