import { z } from "zod";

/**
 * Validation messages are keys of the `validation` message namespace, translated where they
 * are shown. Schemas give a key for their own rules ("idNumber", "mobile"…); this map turns
 * zod's built-in issues into keys too, so no English sentence from zod reaches a Chinese form.
 */
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null || issue.input === "")) return "required";
    if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "required";
    return issue.code;
  },
});

export { z };

/** Translates a field error key, falling back to the raw text for keys we do not know. */
export function translateFieldError(t: { (key: string): string; has(key: string): boolean }, message: string): string {
  return t.has(message) ? t(message) : message;
}
