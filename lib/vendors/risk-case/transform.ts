import { BEIJING_OFFSET_MS, parseBeijingDateTime } from "@/lib/format/dates";
import type { TRiskCaseRow } from "./schemas";

/**
 * Wire shape → domain shape of a risk case (pure). Times are Beijing wall-clock text on the
 * wire (`2023-05-05 15:30:37`), `Date`s inside; empty values are null. Personal fields are
 * passed on in clear for the caller to protect (lib/pii vault) — they never reach a log.
 */

/** `Date` → `yyyy-MM-dd HH:mm:ss` Beijing time, whatever the server's TZ. */
export function toWireTime(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A wire time → `Date`, null when empty or not a real time. */
export function fromWireTime(text: string | null | undefined): Date | null {
  if (!text) return null;
  const at = parseBeijingDateTime(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The vendor columns we store in clear, in the document's words. */
export const CLEAR_TEXT_FIELDS = [
  "mercNum",
  "mercName",
  "agentNo",
  "agentName",
  "firstAgentNo",
  "firstAgentName",
  "level",
  "riskTypeRules",
  "typeNo",
  "riskTypeCaseDealWay",
  "caseDealWay",
  "flowNodeKey",
  "auditStatus",
  "createWay",
  "surveyWay",
  "surveyResult",
  "surveyRemark",
  "suggest",
  "remark",
  "termNo",
  "provCode",
  "cityCode",
  "areaCode",
  "longitude",
  "latitude",
  "referOrders",
] as const;
export const TIME_FIELDS = ["mercCreateTime", "surveyTime", "submitTime"] as const;
export const PERSONAL_FIELDS = ["legalPerson", "legalPhone", "cardNo"] as const;

export type ClearTextField = (typeof CLEAR_TEXT_FIELDS)[number];
export type TimeField = (typeof TIME_FIELDS)[number];
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export type RiskCaseVendorData = { caseNo: string; createTime: Date | null } & { [K in ClearTextField]: string | null } & { [K in TimeField]: Date | null } & {
  [K in PersonalField]: string | null;
};

export function toVendorData(row: Partial<TRiskCaseRow> & { caseNo: string }): RiskCaseVendorData {
  const out: Record<string, unknown> = { caseNo: row.caseNo, createTime: fromWireTime(row.createTime) };
  for (const f of CLEAR_TEXT_FIELDS) out[f] = row[f]?.trim() || null;
  for (const f of TIME_FIELDS) out[f] = fromWireTime(row[f]);
  for (const f of PERSONAL_FIELDS) out[f] = row[f]?.trim() || null;
  return out as RiskCaseVendorData;
}

/** `referOrders` as a list: the document gives no separator, so commas (either width), semicolons and blanks all split. */
export function splitReferOrders(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[,，;；\s|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A map link when both coordinates are real numbers in range; null otherwise. */
export function mapLink(longitude: string | null | undefined, latitude: string | null | undefined): string | null {
  const lon = Number(longitude);
  const lat = Number(latitude);
  if (!longitude || !latitude || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || (lon === 0 && lat === 0)) return null;
  // OpenStreetMap: no key, no tracking script; the coordinates are the merchant's, not a person's.
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}
