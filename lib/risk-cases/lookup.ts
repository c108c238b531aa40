import "server-only";
import type { Db } from "@/lib/db";
import type { RiskCaseClient } from "@/lib/vendors/risk-case/client";
import { RISK_CASE_MAX_ROWS } from "@/lib/vendors/risk-case/schemas";
import { upsertRiskCases } from "./upsert";

/** At most this many vendor pages for a merchant lookup (100 cases); the list shows the rest once synced. */
const MERCHANT_PAGES = 5;

export type LookupResult = { kind: "case"; id: string; fromVendor: boolean } | { kind: "merchant"; mercNum: string; found: number; fromVendor: boolean } | { kind: "none" };

/**
 * The pass-through lookup (issue 9 §2): a case number or merchant number. A case already held
 * opens directly; otherwise the vendor is asked (by caseNo, then by mercNum), what it answers is
 * stored like a sync would, and the result opens. A number the vendor does not know either is
 * "none" — an empty result, not an error.
 */
export async function lookupRiskCase(db: Db, client: RiskCaseClient, query: string): Promise<LookupResult> {
  const local = await db.riskCase.findUnique({ where: { caseNo: query }, select: { id: true } });
  if (local) return { kind: "case", id: local.id, fromVendor: false };

  const byCase = await client.queryCases({ caseNo: query, page: 1, rows: 1 });
  if (byCase.rows.length > 0) {
    await db.$transaction((tx) => upsertRiskCases(tx, byCase.rows, { now: new Date() }));
    const id = await db.riskCase.findUnique({ where: { caseNo: query }, select: { id: true } });
    if (id) return { kind: "case", id: id.id, fromVendor: true };
  }

  const localMerchant = await db.riskCase.count({ where: { mercNum: query } });
  let fetched = 0;
  for (let page = 1; page <= MERCHANT_PAGES; page++) {
    const answer = await client.queryCases({ mercNum: query, page, rows: RISK_CASE_MAX_ROWS });
    if (answer.rows.length === 0) break;
    await db.$transaction((tx) => upsertRiskCases(tx, answer.rows, { now: new Date() }));
    fetched += answer.rows.length;
    if (page * RISK_CASE_MAX_ROWS >= answer.total) break;
  }
  if (fetched === 0 && localMerchant === 0) return { kind: "none" };
  return { kind: "merchant", mercNum: query, found: Math.max(fetched, localMerchant), fromVendor: fetched > 0 };
}
