import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { type Area, areasFor } from "@/lib/auth/roles";
import { capitalCardSql } from "@/lib/capital/queries";
import { custodyCardSql, projectsCardSql } from "@/lib/custody/home";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
import { startOfBeijingDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { cappedCountSql, toCapped } from "@/lib/list/keyset";
import { pretrialCardSql } from "@/lib/pretrial/queries";
import { reconCardSql } from "@/lib/reconciliation/queries";
import { scoreCardSql } from "@/lib/risk-scores/queries";
import { riskCaseCardSql } from "@/lib/risk-cases/queries";
import { readTodos, todoColumns, todoQueries } from "./todos";

function inboxCardSql(since: Date) {
  return {
    today: Prisma.sql`(SELECT CAST(count(*) AS int) FROM inbound_events WHERE received_at >= ${since})`,
    attention: cappedCountSql(Prisma.sql`inbound_events e`, [Prisma.sql`e.status IN ('UNMATCHED', 'FAILED')`]),
  };
}

function auditCardSql(since: Date) {
  return {
    today: Prisma.sql`(SELECT CAST(count(*) AS int) FROM audit_logs WHERE at >= ${since})`,
    denied: Prisma.sql`(SELECT CAST(count(*) AS int) FROM audit_logs WHERE outcome = 'denied' AND at >= ${since})`,
  };
}

function usersCardSql() {
  return {
    active: Prisma.sql`(SELECT CAST(count(*) AS int) FROM users WHERE NOT disabled)`,
    disabled: Prisma.sql`(SELECT CAST(count(*) AS int) FROM users WHERE disabled)`,
  };
}

type Figures = Record<string, number>;
export type HomeCards = {
  pretrial?: { today: number; awaiting: ReturnType<typeof toCapped>; passed: number; failed: number };
  "risk-scores"?: { today: number; passRate: number | null; modelErrors: number };
  capital?: { providers: number; products: number };
  inbox?: { today: number; attention: ReturnType<typeof toCapped> };
  audit?: { today: number; denied: number };
  users?: { active: number; disabled: number };
  "risk-cases"?: { open: ReturnType<typeof toCapped>; unassigned: ReturnType<typeof toCapped>; older: ReturnType<typeof toCapped>; mine: ReturnType<typeof toCapped>; escalatedToMe?: ReturnType<typeof toCapped> };
  reconciliation?: { status: number; exceptions: number; open: number };
  custody?: { balance: number; frozen: number; approvals: number };
  projects?: { collecting: number; repaying: number };
};

/**
 * Everything the workbench shows for one user — the role's to-do list and the figures of each
 * area card it may open — in one statement of scalar subqueries, each an index range
 * (docs/lists.md). One round trip instead of a dozen: the ORM's cost is per statement.
 */
export async function getWorkbench(db: DbOrTx, user: SessionUser, now = new Date()) {
  const areas = areasFor(user.role);
  const since = startOfBeijingDay(now);
  const has = (a: Area) => areas.includes(a);
  const todos = todoQueries(user, now);
  const cards: Record<string, Record<string, Prisma.Sql>> = {};
  if (has("pretrial")) cards.pretrial = pretrialCardSql(user, since);
  if (has("risk-scores")) cards.scores = scoreCardSql(user, since);
  if (has("capital")) cards.capital = capitalCardSql();
  if (has("inbox")) cards.inbox = inboxCardSql(since);
  if (has("audit")) cards.audit = auditCardSql(since);
  if (has("users")) cards.users = usersCardSql();
  if (has("risk-cases")) cards.cases = riskCaseCardSql(user, now);
  if (has("reconciliation")) cards.recon = reconCardSql(now);
  if (has("custody")) cards.custody = custodyCardSql();
  if (has("projects")) cards.projects = projectsCardSql();
  const columns = [
    ...todoColumns(todos),
    ...Object.entries(cards).flatMap(([card, parts]) => Object.entries(parts).map(([k, sql]) => Prisma.sql`${sql} AS ${Prisma.raw(`"${card}_${k}"`)}`)),
  ];
  const [row = {}] = columns.length ? await readRows<Record<string, unknown>>(db, Prisma.sql`SELECT ${Prisma.join(columns)}`) : [];
  const read = (card: string): Figures =>
    Object.fromEntries(Object.keys(cards[card] ?? {}).map((k) => [k, Number(row[`${card}_${k}`] ?? 0)]));
  const out: HomeCards = {};
  if (cards.pretrial) {
    const f = read("pretrial");
    out.pretrial = { today: f.today, awaiting: toCapped(f.awaiting), passed: f.passed, failed: f.failed };
  }
  if (cards.scores) {
    const f = read("scores");
    out["risk-scores"] = { today: f.today, passRate: f.scored ? f.passed / f.scored : null, modelErrors: f.modelErrors };
  }
  if (cards.capital) out.capital = read("capital") as HomeCards["capital"];
  if (cards.inbox) {
    const f = read("inbox");
    out.inbox = { today: f.today, attention: toCapped(f.attention) };
  }
  if (cards.audit) out.audit = read("audit") as HomeCards["audit"];
  if (cards.users) out.users = read("users") as HomeCards["users"];
  if (cards.cases) {
    const f = read("cases");
    out["risk-cases"] = { open: toCapped(f.open), unassigned: toCapped(f.unassigned), older: toCapped(f.older), mine: toCapped(f.mine) };
    if ("escalatedToMe" in f) out["risk-cases"].escalatedToMe = toCapped(f.escalatedToMe);
  }
  if (cards.recon) out.reconciliation = read("recon") as HomeCards["reconciliation"];
  if (cards.custody) out.custody = read("custody") as HomeCards["custody"];
  if (cards.projects) out.projects = read("projects") as HomeCards["projects"];
  return { areas, todos: readTodos(todos, row), cards: out };
}
