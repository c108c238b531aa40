import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { type CreditReportStatus, Prisma } from "@/lib/generated/prisma/client";
import { keysetPage, keysetWalk, type KeysetSort } from "@/lib/list/keyset";
import { isValidIdNumber } from "@/lib/pii/id-card";
import { indexPii } from "@/lib/pii/vault";
import type { ListIndicators } from "./list-indicators";
import type { ReportSort } from "./sort";
import { assertAnalyst } from "./view";

export type ReportFilters = {
  status?: CreditReportStatus | null;
  overdueOnly?: boolean;
  from?: Date | null;
  to?: Date | null;
  /** A report number, or an ID number (matched through its blind index, never in clear). */
  q?: string | null;
};

/** The list's WHERE clause over `credit_reports c`; each condition has an index or rides the sort index. */
export function reportConditions(user: SessionUser, f: ReportFilters): Prisma.Sql[] {
  assertAnalyst(user);
  const and: Prisma.Sql[] = [];
  if (f.status) and.push(Prisma.sql`c.status = CAST(${f.status} AS "CreditReportStatus")`);
  if (f.overdueOnly) and.push(Prisma.sql`c.overdue_amount_fen > 0`);
  if (f.from) and.push(Prisma.sql`c.created_at >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`c.created_at < ${f.to}`);
  const q = f.q?.trim();
  if (q) {
    const id = q.toUpperCase();
    and.push(isValidIdNumber(id) ? Prisma.sql`c.subject_id_idx = ${indexPii(id, "id")}` : Prisma.sql`c.report_no = ${q}`);
  }
  return and;
}

function sortOf(sort: ReportSort): KeysetSort {
  return { key: Prisma.sql`c.created_at`, type: "timestamptz", id: Prisma.sql`c.id`, idType: "text", dir: sort.dir };
}

const FROM = Prisma.sql`credit_reports c`;
const SELECT = Prisma.sql`c.id, c.status, c.report_no AS "reportNo", c.report_time AS "reportTime", c.subject_name_masked AS "subjectNameMasked",
  c.subject_id_masked AS "subjectIdMasked", c.failure_code AS "failureCode", c.indicators, c.created_at AS "createdAt", c.pretrial_order_id AS "pretrialOrderId"`;

export type ReportRow = {
  id: string; status: CreditReportStatus; reportNo: string | null; reportTime: Date | null; subjectNameMasked: string | null;
  subjectIdMasked: string | null; failureCode: string | null; indicators: ListIndicators | null; createdAt: Date; pretrialOrderId: string | null;
};

export async function listCreditReports(db: DbOrTx, user: SessionUser, f: ReportFilters, page: { cursor: string | null; perPage: number; sort: ReportSort }) {
  const where = reportConditions(user, f);
  const { rows, next, prev, counts } = await keysetPage<ReportRow, "total">(db, {
    select: SELECT, from: FROM, where, sort: sortOf(page.sort), cursor: page.cursor, perPage: page.perPage, counts: { from: FROM, named: { total: where } },
  });
  return { rows, next, prev, total: counts.total };
}

/** The whole filtered set for export, by keyset in batches of 1,000. */
export async function* iterateCreditReports(db: DbOrTx, user: SessionUser, f: ReportFilters, sort: ReportSort) {
  yield* keysetWalk<ReportRow>(db, { select: SELECT, from: FROM, where: reportConditions(user, f), sort: sortOf(sort) });
}
