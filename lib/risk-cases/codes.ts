import "server-only";
import type { DbOrTx } from "@/lib/db";

/**
 * Vendor codes and what they mean. The document explains two: `flowNodeKey` SAASSH (SAAS审核)
 * and the deal way `investigate` (调查). Everything else is shown as sent, and an admin can
 * name it (risk_case_code_names), which also overrides these defaults.
 */
import type { CodeField } from "./code-fields";
export { CODE_FIELDS, type CodeField } from "./code-fields";

const DOCUMENTED: Partial<Record<CodeField, Record<string, { zh: string; en: string }>>> = {
  flowNodeKey: { SAASSH: { zh: "SAAS审核", en: "SAAS review" } },
  caseDealWay: { investigate: { zh: "调查", en: "Investigate" } },
  riskTypeCaseDealWay: { investigate: { zh: "调查", en: "Investigate" } },
};

export type CodeNames = Map<string, { zh: string; en: string; source: "document" | "admin" }>;
const key = (field: string, code: string) => `${field}:${code}`;

export async function loadCodeNames(db: DbOrTx): Promise<CodeNames> {
  const names: CodeNames = new Map();
  for (const [field, codes] of Object.entries(DOCUMENTED)) for (const [code, n] of Object.entries(codes)) names.set(key(field, code), { ...n, source: "document" });
  for (const row of await db.riskCaseCodeName.findMany()) names.set(key(row.field, row.code), { zh: row.nameZh, en: row.nameEn, source: "admin" });
  return names;
}

export function codeName(names: CodeNames, field: string, code: string | null | undefined) {
  return code ? names.get(key(field, code)) : undefined;
}

/** Plain object for client components (a Map does not cross the server/client boundary). */
export function codeNamesRecord(names: CodeNames): Record<string, { zh: string; en: string }> {
  return Object.fromEntries([...names].map(([k, v]) => [k, { zh: v.zh, en: v.en }]));
}
