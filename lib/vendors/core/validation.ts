import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * A request that fails its schema before sending: `AppError("VALIDATION")` with field errors
 * keyed by issue path. Issue messages name the rule, never the value, so personal data does
 * not leak into messages or logs.
 */
export function validationError(what: string, error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return new AppError("VALIDATION", `invalid ${what}: ${Object.keys(fieldErrors).join(", ")}`, { fieldErrors });
}

/** Parses or throws {@link validationError}. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(what, parsed.error);
  return parsed.data;
}

/** Up to five distinct issue paths: what an "unreadable answer" message may say about a body. */
export function issuePaths(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 5).join(", ");
}
