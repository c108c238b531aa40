import { z } from "zod";

/**
 * Wire shapes of the risk-case (风控案例) service (vendor-docs/002_…, design.md §3).
 *
 * Requests are ours and strict. Answers are lenient where the document itself varies:
 * `return_code` a number (or its string form), `total` a string in the table and a number in
 * the example, `total`/`rows` inside `data` (the table) or beside `return_code` (the example),
 * and an empty value arriving as `""`, `null` or `{}` (`surveyTime: {}` in the example).
 *
 * Rows are parsed one by one (`parseRiskCaseRow`), so one bad record never hides a page: the
 * sync keeps it raw and flags it.
 */

export const RISK_CASE_SUCCESS_CODE = 10000;
/** The document: 每页20条数据. The twin refuses more; the client never asks for more. */
export const RISK_CASE_MAX_ROWS = 20;

/** `yyyy-MM-dd HH:mm:ss`, Beijing time (design.md §3). */
export const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const zWireTime = z.string().regex(WIRE_TIME, "yyyy-MM-dd HH:mm:ss");
const zFilter = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}_-]+$/u, "letters, digits, '_' or '-'");

export const ZRiskCaseQuery = z.strictObject({
  caseNo: zFilter.optional(),
  agentNo: zFilter.optional(),
  mercNum: zFilter.optional(),
  createTimeStart: zWireTime.optional(),
  createTimeEnd: zWireTime.optional(),
  page: z.number().int().min(1).max(1_000_000),
  rows: z.number().int().min(1).max(RISK_CASE_MAX_ROWS),
});
export type TRiskCaseQuery = z.infer<typeof ZRiskCaseQuery>;

export const ZRiskCaseRequest = ZRiskCaseQuery.extend({
  accessid: z.string().min(1),
  sign: z.string().regex(/^[0-9A-F]{32}$/, "32 upper-case hex characters"),
});
export type TRiskCaseRequest = z.infer<typeof ZRiskCaseRequest>;

/** `""`, `null`, `{}` (or absent) → null; a number → its string form; text is kept as sent. */
export const zWireText = z
  .union([z.string(), z.number().transform(String), z.null(), z.strictObject({}).transform(() => null)])
  .optional()
  .transform((v) => (v === undefined || v === null || v === "" ? null : v));

/** A wire time or empty; anything else fails the row (kept raw and flagged). */
const zWireTimeOrEmpty = zWireText.refine((v) => v === null || WIRE_TIME.test(v.trim()), "yyyy-MM-dd HH:mm:ss or empty");

/** The document's 33 row fields (rows参数说明, in its order) and 一级服务商名称 of its example. */
export const RISK_CASE_FIELDS = [
  "legalPhone",
  "mercCreateTime",
  "cardNo",
  "surveyRemark",
  "riskTypeRules",
  "longitude",
  "mercName",
  "mercNum",
  "riskTypeCaseDealWay",
  "areaCode",
  "referOrders",
  "cityCode",
  "latitude",
  "remark",
  "agentNo",
  "typeNo",
  "legalPerson",
  "flowNodeKey",
  "surveyWay",
  "provCode",
  "suggest",
  "caseNo",
  "createTime",
  "caseDealWay",
  "auditStatus",
  "createWay",
  "surveyResult",
  "termNo",
  "firstAgentNo",
  "agentName",
  "surveyTime",
  "submitTime",
  "level",
  "firstAgentName",
] as const;
export type RiskCaseField = (typeof RISK_CASE_FIELDS)[number];

const TIME_FIELDS = new Set<RiskCaseField>(["mercCreateTime", "createTime", "surveyTime", "submitTime"]);

export const ZRiskCaseRow = z.looseObject(
  Object.fromEntries(RISK_CASE_FIELDS.map((f) => [f, TIME_FIELDS.has(f) ? zWireTimeOrEmpty : zWireText])) as Record<RiskCaseField, typeof zWireText>,
);
export type TRiskCaseRow = { [K in RiskCaseField]: string | null };

/** A case we can keep needs its number: the sync upserts by it. */
const ZCaseNo = z.string().trim().min(1).max(64);

export type ParsedRow =
  | { ok: true; row: TRiskCaseRow & { caseNo: string }; raw: unknown }
  /** `caseNo` is set when the record still names its case (kept raw on the case, flagged). */
  | { ok: false; caseNo: string | null; issues: string; raw: unknown };

function issuePathsOf(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 8).join(", ");
}

/**
 * What can still be read from a record that failed the schema: each field on its own, the
 * failing ones left null. The case keeps showing its merchant while it is flagged.
 */
export function salvageRiskCaseRow(raw: unknown): Partial<TRiskCaseRow> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const record = raw as Record<string, unknown>;
  const shape = ZRiskCaseRow.shape as Record<RiskCaseField, z.ZodType<string | null>>;
  const out: Partial<TRiskCaseRow> = {};
  for (const field of RISK_CASE_FIELDS) {
    const parsed = shape[field].safeParse(record[field]);
    if (parsed.success) out[field] = parsed.data;
  }
  return out;
}

export function parseRiskCaseRow(raw: unknown): ParsedRow {
  const parsed = ZRiskCaseRow.safeParse(raw);
  const caseNoRaw = raw && typeof raw === "object" ? (raw as Record<string, unknown>).caseNo : undefined;
  const caseNo = ZCaseNo.safeParse(typeof caseNoRaw === "number" ? String(caseNoRaw) : caseNoRaw);
  if (!parsed.success) return { ok: false, caseNo: caseNo.success ? caseNo.data : null, issues: issuePathsOf(parsed.error), raw };
  if (!caseNo.success) return { ok: false, caseNo: null, issues: "caseNo", raw };
  const row = parsed.data as Record<string, string | null>;
  const picked = Object.fromEntries(RISK_CASE_FIELDS.map((f) => [f, row[f] ?? null])) as TRiskCaseRow;
  return { ok: true, row: { ...picked, caseNo: caseNo.data }, raw };
}

const zTotal = z.union([z.number().int().min(0), z.string().trim().regex(/^\d+$/, "a whole number").transform(Number)]);
const zCode = z.union([z.number().int(), z.string().trim().regex(/^-?\d+$/).transform(Number)]);
const zMsg = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => v ?? "");
const zRows = z.array(z.unknown()).nullish();

/** The envelope; `data` may be absent, null or `{}` on failures. */
export const ZRiskCaseAnswer = z.looseObject({
  return_code: zCode,
  return_msg: zMsg,
  data: z.union([z.looseObject({ total: zTotal.nullish(), rows: zRows }), z.null(), z.string()]).optional(),
  total: zTotal.nullish(),
  rows: zRows,
});
export type TRiskCaseAnswer = z.output<typeof ZRiskCaseAnswer>;

/**
 * One page: `total` and rows, wherever the vendor put them. A success with neither (`data`
 * null, nothing beside it) is an empty result; rows without a `total` are unreadable (null).
 */
export function pageOf(answer: TRiskCaseAnswer): { total: number; rows: unknown[] } | null {
  const data = answer.data && typeof answer.data === "object" ? answer.data : undefined;
  const total = data?.total ?? answer.total;
  const rows = data?.rows ?? answer.rows;
  if (total === undefined || total === null) return rows && rows.length > 0 ? null : { total: 0, rows: [] };
  return { total, rows: rows ?? [] };
}
