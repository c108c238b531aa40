import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { Prisma, type RiskCaseStatus } from "@/lib/generated/prisma/client";
import { cappedCountSql, keysetPage, keysetWalk, type KeysetSort } from "@/lib/list/keyset";
import { searchNgrams } from "@/lib/list/ngrams";
import { assertRiskCaseReader } from "./access";
import { RISK_CASE_STATUSES, type RiskCaseFilters } from "./list-params";
import type { RiskCaseSort } from "./sort";

/**
 * The case list (docs/lists.md): filters as SQL over `risk_cases c`, each served by an index
 * that starts with it (migration 20261201100000) or riding the (create_time, id) sort index;
 * one statement for the page, the capped total and the four status-tab counts.
 */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function riskCaseConditions(user: SessionUser, f: RiskCaseFilters, now = new Date()): Prisma.Sql[] {
  assertRiskCaseReader(user);
  const and: Prisma.Sql[] = [];
  if (f.status) and.push(Prisma.sql`c.status = CAST(${f.status} AS "RiskCaseStatus")`);
  if (f.open) and.push(Prisma.sql`c.status <> 'CLOSED'`);
  if (f.caseNo) and.push(Prisma.sql`c.case_no LIKE ${`${escapeLike(f.caseNo)}%`}`);
  if (f.mercNum) and.push(Prisma.sql`c.merc_num = ${f.mercNum}`);
  if (f.merc) and.push(Prisma.sql`text_ngrams(c.merc_name) @> CAST(${searchNgrams(f.merc)} AS text[]) AND c.merc_name ILIKE ${`%${escapeLike(f.merc)}%`}`);
  if (f.agentNo) and.push(Prisma.sql`c.agent_no = ${f.agentNo}`);
  if (f.rule) and.push(Prisma.sql`c.risk_type_rules = ${f.rule}`);
  if (f.type) and.push(Prisma.sql`c.type_no = ${f.type}`);
  if (f.audit) and.push(Prisma.sql`c.audit_status = ${f.audit}`);
  if (f.node) and.push(Prisma.sql`c.flow_node_key = ${f.node}`);
  if (f.deal) and.push(Prisma.sql`c.case_deal_way = ${f.deal}`);
  if (f.prov) and.push(Prisma.sql`c.prov_code = ${f.prov}`);
  if (f.city) and.push(Prisma.sql`c.city_code = ${f.city}`);
  if (f.from) and.push(Prisma.sql`c.create_time >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`c.create_time < ${f.to}`);
  if (f.createdBefore) and.push(Prisma.sql`c.create_time < ${f.createdBefore}`);
  if (f.mine) and.push(Prisma.sql`c.assignee_id = ${user.id}`);
  if (f.assignee === "none") and.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (f.assignee) and.push(Prisma.sql`c.assignee_id = ${f.assignee}`);
  if (f.snoozed === "yes") and.push(Prisma.sql`c.snoozed_until > ${now}`);
  // Hidden by default. Written as an anti-join on the (few) snoozed ids, found by the partial
  // snoozed index, so the tab counts stay index-only scans instead of visiting every row's heap.
  else if (f.snoozed !== "all") and.push(Prisma.sql`c.id NOT IN (SELECT z.id FROM risk_cases z WHERE z.snoozed_until > ${now})`);
  if (f.escalated) and.push(Prisma.sql`c.escalated_at IS NOT NULL AND c.status <> 'CLOSED'`);
  if (f.escalated === "me") and.push(Prisma.sql`c.escalated_to_id = ${user.id}`);
  if (f.flagged) and.push(Prisma.sql`NOT c.schema_valid`);
  return and;
}

function sortOf(sort: RiskCaseSort): KeysetSort {
  return { key: Prisma.sql`c.create_time`, type: "timestamptz", id: Prisma.sql`c.id`, idType: "text", dir: sort.dir };
}

const FROM = Prisma.sql`risk_cases c`;
const FROM_ROWS = Prisma.sql`risk_cases c LEFT JOIN users u ON u.id = c.assignee_id`;
const SELECT = Prisma.sql`c.id, c.case_no AS "caseNo", c.merc_num AS "mercNum", c.merc_name AS "mercName", c.agent_no AS "agentNo",
  c.agent_name AS "agentName", c.risk_type_rules AS "riskTypeRules", c.type_no AS "typeNo", c.audit_status AS "auditStatus",
  c.flow_node_key AS "flowNodeKey", c.case_deal_way AS "caseDealWay", c.prov_code AS "provCode", c.city_code AS "cityCode",
  c.area_code AS "areaCode", c.create_time AS "createTime", c.status, c.assignee_id AS "assigneeId", u.display_name AS "assigneeName",
  c.snoozed_until AS "snoozedUntil", c.escalated_at AS "escalatedAt", c.escalated_to_id AS "escalatedToId", c.schema_valid AS "schemaValid", c.conclusion, c.version`;

export type RiskCaseRow = {
  id: string; caseNo: string; mercNum: string | null; mercName: string | null; agentNo: string | null; agentName: string | null;
  riskTypeRules: string | null; typeNo: string | null; auditStatus: string | null; flowNodeKey: string | null; caseDealWay: string | null;
  provCode: string | null; cityCode: string | null; areaCode: string | null; createTime: Date; status: RiskCaseStatus;
  assigneeId: string | null; assigneeName: string | null; snoozedUntil: Date | null; escalatedAt: Date | null; escalatedToId: string | null; schemaValid: boolean;
  conclusion: string | null; version: number;
};

type TabName = "total" | "snoozed" | (typeof RISK_CASE_STATUSES)[number];

export async function listRiskCases(db: DbOrTx, user: SessionUser, f: RiskCaseFilters, page: { cursor: string | null; perPage: number; sort: RiskCaseSort }) {
  const where = riskCaseConditions(user, f);
  // Tab counts keep every filter but the status itself, as the pretrial tabs do.
  const withoutStatus = riskCaseConditions(user, { ...f, status: null });
  const named = Object.fromEntries([
    ["total", where],
    ...RISK_CASE_STATUSES.map((s) => [s, [...withoutStatus, Prisma.sql`c.status = CAST(${s} AS "RiskCaseStatus")`]]),
    // How many the default view hides: the 暂缓中 tab's count (every other filter kept).
    ["snoozed", riskCaseConditions(user, { ...f, snoozed: "yes" })],
  ]) as Record<TabName, Prisma.Sql[]>;
  const { rows, next, prev, counts } = await keysetPage<RiskCaseRow, TabName>(db, {
    select: SELECT, from: FROM_ROWS, where, sort: sortOf(page.sort), cursor: page.cursor, perPage: page.perPage, counts: { from: FROM, named },
  });
  const { total, snoozed, ...tabCounts } = counts;
  return { rows, next, prev, total, tabCounts, snoozed };
}

/** The whole filtered set for export, by keyset in batches of 1,000. */
export async function* iterateRiskCases(db: DbOrTx, user: SessionUser, f: RiskCaseFilters, sort: RiskCaseSort) {
  yield* keysetWalk<RiskCaseRow>(db, { select: SELECT, from: FROM_ROWS, where: riskCaseConditions(user, f), sort: sortOf(sort) });
}

/** The home card: open, unassigned, older than 7 days, mine — scalar subqueries for one statement. */
export function riskCaseCardSql(user: SessionUser, now = new Date()) {
  const count = (f: RiskCaseFilters) => cappedCountSql(FROM, riskCaseConditions(user, { ...f, open: true }, now));
  return {
    open: count({}),
    unassigned: count({ assignee: "none" }),
    older: count({ createdBefore: new Date(now.getTime() - 7 * 86_400_000) }),
    mine: count({ mine: true }),
    // Admins: open cases escalated to them (their to-do links to the same list).
    ...(user.role === "ADMIN" ? { escalatedToMe: count({ escalated: "me" }) } : {}),
  };
}

/** Analysts and admins a case can be assigned to. */
export async function listAssignableUsers(db: DbOrTx) {
  return db.user.findMany({ where: { role: { in: ["RISK_ANALYST", "ADMIN"] }, disabled: false }, select: { id: true, displayName: true, role: true }, orderBy: { displayName: "asc" } });
}

/** The list's capped count as a scalar subquery (the workbench's to-do links agree with the list). */
export function riskCaseCountSql(user: SessionUser, f: RiskCaseFilters): Prisma.Sql {
  return cappedCountSql(FROM, riskCaseConditions(user, f));
}
