import { parseJavaMapString } from "./java-map";
import { ZPlatformList, type TPlatform } from "./schemas";

/**
 * Wire → domain helpers for 万网 answers and callbacks. Pure and total: a report the
 * console cannot read is kept raw and shown as such rather than failing the callback.
 */

export type PersonReportFlag = boolean | null;

export type TPersonReport = {
  /** "json": a JSON object string; "map": Java `Map.toString()`; "unknown": kept raw only. */
  format: "json" | "map" | "unknown";
  raw: string | null;
  fields: Record<string, unknown>;
  /** From `otherInfo`: 是 → true, 否 → false, anything else (or absent) → null. */
  flags: {
    dishonesty: PersonReportFlag;
    exposurePlatform: PersonReportFlag;
    court: PersonReportFlag;
    closeCase: PersonReportFlag;
  };
  prequalificationResult?: string;
  desc?: string;
  cardFinalLevel?: string;
  pricingProduct?: string;
  pricingProductDesc?: string;
};

// A report is a few hundred characters; the cap bounds the work done on hostile input.
const MAX_REPORT_LENGTH = 100_000;
const TEXT_FIELDS = ["prequalificationResult", "desc", "cardFinalLevel", "pricingProduct", "pricingProductDesc"] as const;
const FLAG_FIELDS = ["dishonesty", "exposurePlatform", "court", "closeCase"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toFlag(value: unknown): PersonReportFlag {
  if (typeof value === "string") {
    const v = value.trim();
    if (v === "是") return true;
    if (v === "否") return false;
    return null;
  }
  // A JSON producer could send real booleans; they mean the same thing.
  return typeof value === "boolean" ? value : null;
}

function tryJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    let parsed: unknown = JSON.parse(text);
    // Tolerate one extra level of encoding (a JSON string holding the JSON object).
    if (typeof parsed === "string") parsed = JSON.parse(parsed);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `personReport` in either form the document shows; never throws. */
export function parsePersonReport(raw: string | null | undefined): TPersonReport {
  const report: TPersonReport = {
    format: "unknown",
    raw: typeof raw === "string" ? raw : null,
    fields: {},
    flags: { dishonesty: null, exposurePlatform: null, court: null, closeCase: null },
  };
  if (typeof raw !== "string" || raw.length > MAX_REPORT_LENGTH) return report;
  const text = raw.trim();
  if (!text) return report;

  const json = tryJsonObject(text);
  const map = json ? undefined : parseJavaMapString(text);
  const fields = json ?? map;
  if (!fields) return report;
  report.format = json ? "json" : "map";
  report.fields = fields;

  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (typeof value === "string") report[key] = value;
    else if (typeof value === "number") report[key] = String(value);
  }
  // Flags live in otherInfo in both examples; a flatter report is read the same way.
  const flagSource = isPlainObject(fields.otherInfo) ? fields.otherInfo : fields;
  for (const key of FLAG_FIELDS) report.flags[key] = toFlag(flagSource[key]);
  return report;
}

/**
 * The capital recommendations as a typed list, from the array or the JSON string the
 * vendor may send. Null, empty or unreadable input gives an empty list: callers that must
 * tell "none" from "unreadable" validate with the schemas first.
 */
export function toPlatformList(platformData: unknown): TPlatform[] {
  const parsed = ZPlatformList.safeParse(platformData);
  return parsed.success && parsed.data ? parsed.data : [];
}

export const SIGNED_TYPE_LABELS = {
  0: "authorization signed",
  1: "PBOC report requested",
  2: "PBOC report pulled",
  3: "big-data result returned",
} as const;

/** English label of a `signed` callback's `type` (design.md §3); unknown values are labelled as such. */
export function signedTypeLabel(type: number | string): string {
  const n = typeof type === "string" && /^\s*\d+\s*$/.test(type) ? Number(type) : type;
  return typeof n === "number" && n in SIGNED_TYPE_LABELS
    ? SIGNED_TYPE_LABELS[n as keyof typeof SIGNED_TYPE_LABELS]
    : `unknown (${String(type)})`;
}
