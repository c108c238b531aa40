import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskBankCard, maskMobile, maskName } from "@/lib/pii/mask";
import { encryptPii, encryptPiiBytes, indexPii, type PiiKind } from "@/lib/pii/vault";
import { salvageRiskCaseRow, type ParsedRow } from "@/lib/vendors/risk-case/schemas";
import { CLEAR_TEXT_FIELDS, PERSONAL_FIELDS, TIME_FIELDS, toVendorData, type PersonalField, type RiskCaseVendorData } from "@/lib/vendors/risk-case/transform";

/**
 * Writes what the vendor sent about cases, and only the vendor's fields: status, assignee,
 * notes and the rest of our workflow are never in these statements, so a sync cannot undo an
 * analyst's work. Upsert by `caseNo`; a vendor-side change to a case we hold is written to
 * `risk_case_changes` (personal fields named, never valued). A record that fails the schema
 * keeps its raw form, is flagged and keeps whatever fields could still be read; a record
 * without a case number goes to `risk_case_rejects`. Raw records hold personal data, so they
 * are stored encrypted.
 */

export type UpsertCounts = { created: number; changed: number; flagged: number; rejected: number };
export const emptyCounts = (): UpsertCounts => ({ created: 0, changed: 0, flagged: 0, rejected: 0 });

const PII_KIND: Record<PersonalField, { kind: PiiKind; mask: (v: string) => string }> = {
  legalPerson: { kind: "name", mask: maskName },
  legalPhone: { kind: "mobile", mask: maskMobile },
  cardNo: { kind: "card", mask: maskBankCard },
};

/** The columns a vendor record writes (never a workflow column). */
function vendorColumns(data: Partial<RiskCaseVendorData>) {
  const out: Record<string, unknown> = {};
  for (const f of [...CLEAR_TEXT_FIELDS, ...TIME_FIELDS]) if (f in data) out[f] = data[f];
  if (data.createTime) out.createTime = data.createTime;
  for (const f of PERSONAL_FIELDS) {
    if (!(f in data)) continue;
    const value = data[f];
    const { kind, mask } = PII_KIND[f];
    out[`${f}Enc`] = value ? encryptPii(value) : null;
    out[`${f}Idx`] = value ? indexPii(value, kind) : null;
    out[`${f}Masked`] = value ? mask(value) : null;
  }
  return out;
}

const SELECT_TRACKED = Object.fromEntries(
  [...CLEAR_TEXT_FIELDS, ...TIME_FIELDS, "createTime", "id", "legalPersonIdx", "legalPhoneIdx", "cardNoIdx"].map((f) => [f, true]),
) as Record<string, true>;

type Stored = Record<string, unknown> & { id: string };

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null));
const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/** Field-by-field difference between what we hold and what the vendor now says. */
export function vendorDiff(stored: Stored, data: Partial<RiskCaseVendorData>): Array<{ field: string; before?: unknown; after?: unknown; changed?: true }> {
  const changes: Array<{ field: string; before?: unknown; after?: unknown; changed?: true }> = [];
  for (const f of [...CLEAR_TEXT_FIELDS, ...TIME_FIELDS]) {
    if (f in data && !same(stored[f], data[f])) changes.push({ field: f, before: shown(stored[f]), after: shown(data[f]) });
  }
  if (data.createTime && !same(stored.createTime, data.createTime)) changes.push({ field: "createTime", before: shown(stored.createTime), after: shown(data.createTime) });
  for (const f of PERSONAL_FIELDS) {
    if (!(f in data)) continue;
    const value = data[f];
    const idx = value ? indexPii(value, PII_KIND[f].kind) : null;
    if ((stored[`${f}Idx`] ?? null) !== idx) changes.push({ field: f, changed: true });
  }
  return changes;
}

function rawBytes(raw: unknown): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encryptPiiBytes(Buffer.from(JSON.stringify(raw ?? null), "utf8")));
}

/**
 * Upserts one page of parsed records. Runs inside the caller's transaction (the sync commits a
 * page together with its progress, so a crash never half-counts a page).
 */
export async function upsertRiskCases(tx: DbOrTx, rows: ParsedRow[], opts: { syncRunId?: string; now: Date }): Promise<UpsertCounts> {
  const counts = emptyCounts();
  const caseNos = rows.flatMap((r) => (r.ok ? [r.row.caseNo] : r.caseNo ? [r.caseNo] : []));
  const existing = await tx.riskCase.findMany({ where: { caseNo: { in: caseNos } }, select: { ...SELECT_TRACKED, caseNo: true } });
  const byNo = new Map(existing.map((c) => [c.caseNo, c as unknown as Stored]));

  for (const r of rows) {
    if (!r.ok && !r.caseNo) {
      await tx.riskCaseReject.create({ data: { syncRunId: opts.syncRunId, issues: r.issues, rawEnc: rawBytes(r.raw), seenAt: opts.now } });
      counts.rejected++;
      continue;
    }
    const caseNo = r.ok ? r.row.caseNo : r.caseNo!;
    const data: Partial<RiskCaseVendorData> = r.ok ? toVendorData(r.row) : toVendorData({ ...salvageRiskCaseRow(r.raw), caseNo });
    if (!r.ok) {
      // Only what could be read overwrites what we hold; unreadable fields keep their last good value.
      const readable = salvageRiskCaseRow(r.raw);
      for (const key of Object.keys(data) as Array<keyof RiskCaseVendorData>) if (key !== "caseNo" && !(key in readable)) delete data[key];
      counts.flagged++;
    }
    const flags = { schemaValid: r.ok, schemaIssues: r.ok ? null : r.issues, rawEnc: rawBytes(r.raw), lastFetchedAt: opts.now };
    const stored = byNo.get(caseNo);
    if (!stored) {
      const created = await tx.riskCase.create({
        data: { ...(vendorColumns(data) as Prisma.RiskCaseUncheckedCreateInput), caseNo, createTime: data.createTime ?? opts.now, firstSeenAt: opts.now, ...flags },
        select: { id: true },
      });
      byNo.set(caseNo, { ...(data as Record<string, unknown>), id: created.id });
      counts.created++;
      continue;
    }
    const diff = vendorDiff(stored, data);
    await tx.riskCase.update({
      where: { id: stored.id },
      data: { ...(diff.length > 0 ? (vendorColumns(data) as Prisma.RiskCaseUncheckedUpdateInput) : {}), ...flags, ...(diff.length > 0 ? { vendorChangedAt: opts.now } : {}) },
    });
    if (diff.length > 0) {
      await tx.riskCaseChange.create({ data: { caseId: stored.id, syncRunId: opts.syncRunId, seenAt: opts.now, changes: diff as Prisma.InputJsonValue } });
      counts.changed++;
    }
  }
  return counts;
}
