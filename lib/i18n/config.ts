/** Locales of the console. Simplified Chinese is the default; English is complete. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Message files: `messages/<locale>/<namespace>.json`, one namespace per file. */
export const NAMESPACES = ["common", "nav", "auth", "errors", "validation", "home", "users", "audit", "inbox", "dataTable", "pretrial", "capital", "riskScores", "riskProfile", "creditReports", "reconciliation", "custody", "riskCases"] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
