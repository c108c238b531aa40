import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { twinCredentials } from "../env";
import { caseOf, createTimeMs, kOfCaseNo, wireToMs, type WireCase } from "./population";
import { readSettings, type RiskCaseSettings } from "./settings";
import { expectedSign, signMatches } from "./sign";

/**
 * `POST /risk-case/cases` — the document's one interface. Checks in this order: JSON object →
 * accessid → sign → page/rows → times; answers HTTP 200 with `return_code` always. Cases come
 * oldest first (createTime ascending), which the document does not fix; the console does not
 * rely on it. A page past the end is an empty `rows` with the true `total`.
 */
export const RISK_CASE_ERRORS = {
  badSignature: { return_code: 10001, return_msg: "签名错误" },
  badAccess: { return_code: 10001, return_msg: "accessid无效" },
  badParams: { return_code: 10002, return_msg: "参数错误" },
} as const;
const WIRE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const MAX_ROWS = 20;

function error(kind: keyof typeof RISK_CASE_ERRORS, detail?: string): SandboxResponse {
  const e = RISK_CASE_ERRORS[kind];
  return { status: 200, body: { return_code: e.return_code, return_msg: detail ? `${e.return_msg}:${detail}` : e.return_msg } };
}

function success(s: RiskCaseSettings, total: number, rows: WireCase[]): SandboxResponse {
  // The table says `total` is a String inside `data`; the example puts a number beside return_code.
  const body = s.envelope === "flat" ? { total, rows, return_code: 10000 } : { return_code: 10000, return_msg: "", data: { total: String(total), rows } };
  return { status: 200, body };
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** The k range [lo, hi] of cases created within [start, end]. */
function windowOf(s: RiskCaseSettings, start: string, end: string): [number, number] {
  const step = s.spacingMinutes * 60_000;
  const newest = createTimeMs(0, s);
  const lo = end ? Math.max(0, Math.ceil((newest - wireToMs(end)) / step)) : 0;
  const hi = start ? Math.min(s.population - 1, Math.floor((newest - wireToMs(start)) / step)) : s.population - 1;
  return [lo, hi];
}

export function queryCases(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(req.text());
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return error("badParams", "body is not a JSON object");
    body = parsed as Record<string, unknown>;
  } catch {
    return error("badParams", "body is not JSON");
  }
  const creds = twinCredentials(riskCaseManifest);
  if (body.accessid !== creds.RISK_CASE_ACCESS_ID) return error("badAccess");
  const expected = expectedSign(body, creds.RISK_CASE_SECRET);
  if (!signMatches(body.sign, ctx.faults.badSignature ? `${expected}X` : expected)) return error("badSignature");

  const page = Number(body.page);
  const rows = Number(body.rows);
  if (!Number.isInteger(page) || page < 1) return error("badParams", "page");
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) return error("badParams", "rows");
  const start = text(body.createTimeStart);
  const end = text(body.createTimeEnd);
  if ((start && !WIRE_TIME.test(start)) || (end && !WIRE_TIME.test(end))) return error("badParams", "createTimeStart/createTimeEnd");

  const s = readSettings(ctx);
  const caseNo = text(body.caseNo);
  const mercNum = text(body.mercNum);
  const agentNo = text(body.agentNo);
  let [lo, hi] = windowOf(s, start, end);
  if (caseNo) {
    const k = kOfCaseNo(caseNo, s);
    [lo, hi] = k === null || k < lo || k > hi ? [1, 0] : [k, k];
  }

  // Oldest first: walk k downwards. Filters other than caseNo need a look at each case.
  const matches: number[] = [];
  for (let k = hi; k >= lo; k--) {
    if (!mercNum && !agentNo) {
      matches.push(k);
      continue;
    }
    const c = caseOf(k, s);
    if ((!mercNum || c.mercNum === mercNum) && (!agentNo || c.agentNo === agentNo)) matches.push(k);
  }
  const from = (page - 1) * rows;
  return success(s, matches.length, matches.slice(from, from + rows).map((k) => caseOf(k, s)));
}
