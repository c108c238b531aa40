/**
 * The operator report arrives as a JSON file. The document wants two objects:
 * `loanBangData` (the report) and `originalLoanBangData` (the raw operator data). A file with
 * both keys is split; any other JSON object is taken as the report, and its `original` key
 * (or the object itself) as the raw data.
 */
export type OperatorReport = { loanBangData: unknown; originalLoanBangData: unknown };

export const OPERATOR_REPORT_MAX_BYTES = 20 * 1024 * 1024;

export function parseOperatorReport(text: string): { ok: true; report: OperatorReport } | { ok: false; reason: "notJson" | "notObject" | "empty" } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "notJson" };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "notObject" };
  const obj = value as Record<string, unknown>;
  if (Object.keys(obj).length === 0) return { ok: false, reason: "empty" };
  if ("loanBangData" in obj && "originalLoanBangData" in obj) {
    return { ok: true, report: { loanBangData: obj.loanBangData, originalLoanBangData: obj.originalLoanBangData } };
  }
  return { ok: true, report: { loanBangData: obj, originalLoanBangData: obj.original ?? obj } };
}
