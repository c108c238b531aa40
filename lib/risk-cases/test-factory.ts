import { testDb } from "@/lib/test/factories";
import { DOC_EXAMPLE_ROW } from "@/lib/vendors/risk-case/fixtures";
import { parseRiskCaseRow } from "@/lib/vendors/risk-case/schemas";
import { upsertRiskCases } from "./upsert";

let seq = 0;

/** Tests only: cases stored through the sync's own upsert, from the document's example row with overrides. */
export async function createTestCases(overrides: Array<Partial<Record<keyof typeof DOC_EXAMPLE_ROW, string>>>) {
  const rows = overrides.map((o) => {
    seq += 1;
    const caseNo = `2026113012000000000${String(Date.now() % 1e6).padStart(6, "0")}${String(seq).padStart(4, "0")}`;
    return parseRiskCaseRow({ ...DOC_EXAMPLE_ROW, caseNo, ...o });
  });
  await testDb().$transaction((tx) => upsertRiskCases(tx, rows, { now: new Date() }));
  const caseNos = rows.map((r) => (r.ok ? r.row.caseNo : r.caseNo!));
  const stored = await testDb().riskCase.findMany({ where: { caseNo: { in: caseNos } } });
  return caseNos.map((no) => stored.find((s) => s.caseNo === no)!);
}
