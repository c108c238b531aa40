import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
import { beijingDate } from "@/lib/format/dates";
import { inboxList } from "@/lib/inbox/list-params";
import { inboxCountSql } from "@/lib/inbox/queries";
import { approvalsWaitingCountSql } from "@/lib/custody/home";
import type { CappedCount } from "@/lib/list/cursor";
import { toCapped } from "@/lib/list/keyset";
import { Prisma } from "@/lib/generated/prisma/client";
import { pretrialList, toPretrialFilters } from "@/lib/pretrial/list-params";
import { pretrialCountSql } from "@/lib/pretrial/queries";
import { scoreList, toScoreFilters } from "@/lib/risk-scores/list-params";
import { scoreCountSql } from "@/lib/risk-scores/queries";
import { riskCaseList, toRiskCaseFilters } from "@/lib/risk-cases/list-params";
import { riskCaseCountSql } from "@/lib/risk-cases/queries";
import { defaultRunDate, reconOpenCountSql } from "@/lib/reconciliation/queries";

/** An order waiting this long for the customer's signature needs a nudge. */
export const STALE_SIGNATURE_HOURS = 24;
const DAY_MS = 24 * 3600_000;

/**
 * One line of the workbench's to-do list: a link into a filtered list and the count that list
 * shows. The count is computed by parsing the link with the list's own URL parsers and using
 * the list's own count, so the two cannot disagree. `notBuilt` items name work whose area has
 * not shipped yet.
 */
export type TodoItem = { key: string; href: string; count: CappedCount } | { key: string; notBuilt: true };

type TodoSpec =
  | { key: string; roles: readonly Role[]; href: (now: Date) => string; count: (user: SessionUser, href: string) => Prisma.Sql }
  | { key: string; roles: readonly Role[]; notBuilt: true };

const query = (href: string) => new URLSearchParams(href.split("?")[1] ?? "");
const countPretrial = (user: SessionUser, href: string) => pretrialCountSql(user, toPretrialFilters(pretrialList.loadSearchParams(query(href))));
// Workbench links carry no `ref`, so the score filters need no lookup before counting.
const countScores = (user: SessionUser, href: string) => scoreCountSql(user, toScoreFilters(scoreList.loadSearchParams(query(href))));
const countCases = (user: SessionUser, href: string) => riskCaseCountSql(user, toRiskCaseFilters(riskCaseList.loadSearchParams(query(href))));
const countInbox = (_user: SessionUser, href: string) => inboxCountSql({ status: inboxList.loadSearchParams(query(href)).status });
/** The Beijing calendar day `days` before today, as the lists' `from` filter takes it. */
const daysBack = (now: Date, days: number) => beijingDate(new Date(now.getTime() - days * DAY_MS));

const TODOS: TodoSpec[] = [
  { key: "awaitingSignature", roles: ["LOAN_OFFICER", "ADMIN"], href: () => `/pretrial?tab=awaiting&stale=${STALE_SIGNATURE_HOURS}`, count: countPretrial },
  { key: "resultsToAct", roles: ["LOAN_OFFICER"], href: (now) => `/pretrial?tab=passed&from=${daysBack(now, 6)}`, count: countPretrial },
  { key: "failedSubmissions", roles: ["LOAN_OFFICER", "ADMIN"], href: () => "/pretrial?status=ERROR", count: countPretrial },
  { key: "scoresToReview", roles: ["RISK_ANALYST"], href: (now) => `/risk-scores?status=MODEL_ERROR&from=${daysBack(now, 6)}`, count: countScores },
  { key: "scoresFailed", roles: ["RISK_ANALYST"], href: (now) => `/risk-scores?status=FAILED&from=${daysBack(now, 6)}`, count: countScores },
  { key: "casesAssigned", roles: ["RISK_ANALYST"], href: () => "/risk-cases?mine=yes&status=INVESTIGATING", count: countCases },
  { key: "approvalsWaiting", roles: ["FINANCE"], href: () => "/custody", count: () => approvalsWaitingCountSql() },
  { key: "reconciliationYesterday", roles: ["FINANCE"], href: (now) => `/reconciliation?day=${defaultRunDate(now)}`, count: (_user, href) => reconOpenCountSql(query(href).get("day") ?? "") },
  { key: "casesEscalatedToMe", roles: ["ADMIN"], href: () => "/risk-cases?escalated=me", count: countCases },
  { key: "inboxFailed", roles: ["ADMIN"], href: () => "/inbox?status=FAILED", count: countInbox },
  { key: "inboxUnmatched", roles: ["ADMIN"], href: () => "/inbox?status=UNMATCHED", count: countInbox },
];

type TodoQuery = { key: string; notBuilt: true } | { key: string; href: string; sql: Prisma.Sql };

/** The role's to-do items with the SQL of each count (a scalar subquery), for one statement. */
export function todoQueries(user: SessionUser, now = new Date()): TodoQuery[] {
  return TODOS.filter((t) => t.roles.includes(user.role)).map((spec): TodoQuery => {
    if ("notBuilt" in spec) return { key: spec.key, notBuilt: true };
    const href = spec.href(now);
    return { key: spec.key, href, sql: spec.count(user, href) };
  });
}

/** Reads the counts of `todoQueries` from a row whose columns are `todo_<key>`. */
export function readTodos(queries: TodoQuery[], row: Record<string, unknown>): TodoItem[] {
  return queries.map((q): TodoItem => ("notBuilt" in q ? q : { key: q.key, href: q.href, count: toCapped(Number(row[`todo_${q.key}`] ?? 0)) }));
}

export function todoColumns(queries: TodoQuery[]): Prisma.Sql[] {
  return queries.flatMap((q) => ("notBuilt" in q ? [] : [Prisma.sql`${q.sql} AS ${Prisma.raw(`"todo_${q.key}"`)}`]));
}

/** The signed-in role's to-do list, every count in one statement. */
export async function getTodos(db: DbOrTx, user: SessionUser, now = new Date()): Promise<TodoItem[]> {
  const queries = todoQueries(user, now);
  const columns = todoColumns(queries);
  if (columns.length === 0) return readTodos(queries, {});
  const [row] = await readRows<Record<string, unknown>>(db, Prisma.sql`SELECT ${Prisma.join(columns)}`);
  return readTodos(queries, row ?? {});
}
