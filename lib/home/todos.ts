import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import type { DbOrTx } from "@/lib/db";
import { beijingDate } from "@/lib/format/dates";
import { inboxList } from "@/lib/inbox/list-params";
import { countInboundEvents } from "@/lib/inbox/queries";
import type { CappedCount } from "@/lib/list/cursor";
import { pretrialList, toPretrialFilters } from "@/lib/pretrial/list-params";
import { countPretrialOrders } from "@/lib/pretrial/queries";
import { scoreList, toScoreFilters } from "@/lib/risk-scores/list-params";
import { countScoreRequests } from "@/lib/risk-scores/queries";

/** An order waiting this long for the customer's signature needs a nudge. */
export const STALE_SIGNATURE_HOURS = 24;
const DAY_MS = 24 * 3600_000;

/**
 * One line of the workbench's to-do list: a link into a filtered list and the count that list
 * shows. The count is computed by parsing the link with the list's own URL parsers and calling
 * the list's own count, so the two cannot disagree. `notBuilt` items name work whose area has
 * not shipped yet.
 */
export type TodoItem = { key: string; href: string; count: CappedCount } | { key: string; notBuilt: true };

type TodoSpec =
  | { key: string; roles: readonly Role[]; href: (now: Date) => string; count: (db: DbOrTx, user: SessionUser, href: string) => Promise<CappedCount> }
  | { key: string; roles: readonly Role[]; notBuilt: true };

const query = (href: string) => new URLSearchParams(href.split("?")[1] ?? "");
const countPretrial = (db: DbOrTx, user: SessionUser, href: string) => countPretrialOrders(db, user, toPretrialFilters(pretrialList.loadSearchParams(query(href))));
const countScores = (db: DbOrTx, user: SessionUser, href: string) => countScoreRequests(db, user, toScoreFilters(scoreList.loadSearchParams(query(href))));
const countInbox = (db: DbOrTx, _user: SessionUser, href: string) => {
  const p = inboxList.loadSearchParams(query(href));
  return countInboundEvents(db, { status: p.status });
};
/** The Beijing calendar day `days` before today, as the lists' `from` filter takes it. */
const daysBack = (now: Date, days: number) => beijingDate(new Date(now.getTime() - days * DAY_MS));

const TODOS: TodoSpec[] = [
  { key: "awaitingSignature", roles: ["LOAN_OFFICER", "ADMIN"], href: () => `/pretrial?tab=awaiting&stale=${STALE_SIGNATURE_HOURS}`, count: countPretrial },
  { key: "resultsToAct", roles: ["LOAN_OFFICER"], href: (now) => `/pretrial?tab=passed&from=${daysBack(now, 6)}`, count: countPretrial },
  { key: "failedSubmissions", roles: ["LOAN_OFFICER", "ADMIN"], href: () => "/pretrial?status=ERROR", count: countPretrial },
  { key: "scoresToReview", roles: ["RISK_ANALYST"], href: (now) => `/risk-scores?status=MODEL_ERROR&from=${daysBack(now, 6)}`, count: countScores },
  { key: "scoresFailed", roles: ["RISK_ANALYST"], href: (now) => `/risk-scores?status=FAILED&from=${daysBack(now, 6)}`, count: countScores },
  { key: "casesAssigned", roles: ["RISK_ANALYST"], notBuilt: true },
  { key: "approvalsWaiting", roles: ["FINANCE"], notBuilt: true },
  { key: "reconciliationYesterday", roles: ["FINANCE"], notBuilt: true },
  { key: "inboxFailed", roles: ["ADMIN"], href: () => "/inbox?status=FAILED", count: countInbox },
  { key: "inboxUnmatched", roles: ["ADMIN"], href: () => "/inbox?status=UNMATCHED", count: countInbox },
];

/** The signed-in role's to-do list, every count in parallel. */
export async function getTodos(db: DbOrTx, user: SessionUser, now = new Date()): Promise<TodoItem[]> {
  const specs = TODOS.filter((t) => t.roles.includes(user.role));
  return Promise.all(
    specs.map(async (spec): Promise<TodoItem> => {
      if ("notBuilt" in spec) return { key: spec.key, notBuilt: true };
      const href = spec.href(now);
      return { key: spec.key, href, count: await spec.count(db, user, href) };
    }),
  );
}
