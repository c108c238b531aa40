import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { Prisma, type PretrialStatus } from "@/lib/generated/prisma/client";
import type { CappedCount } from "@/lib/list/cursor";
import { cappedCount, cappedCountSql, keysetPage, keysetWalk, type KeysetSort } from "@/lib/list/keyset";
import { searchNgrams } from "@/lib/list/ngrams";
import { scoreFailureReason } from "@/lib/risk-scores/failure";
import { orderScope } from "./access";
import type { PretrialSort } from "./sort";
import { type PretrialTab, TAB_STATUSES } from "./tabs";

export type PretrialFilters = {
  tab?: PretrialTab | null;
  status?: PretrialStatus | null;
  level?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Created before this instant (the workbench's "waiting longer than N hours"). */
  createdBefore?: Date | null;
  officer?: string | null;
  dealer?: string | null;
  /** `id.<hmac>` / `mobile.<hmac>` / `name.<hmac>`: a blind-index token, never the value itself. */
  person?: string | null;
  /** `outsideOrderId` or `querySn`. */
  ref?: string | null;
  capital?: string | null;
  product?: string | null;
};

const statusList = (statuses: readonly PretrialStatus[]) =>
  Prisma.join(statuses.map((s) => Prisma.sql`CAST(${s} AS "PretrialStatus")`));

/**
 * The list's WHERE clause as SQL over `pretrial_orders o`. Every condition has an index that
 * starts with it or rides the sort index (docs/lists.md).
 */
export function pretrialConditions(user: SessionUser, f: PretrialFilters): Prisma.Sql[] {
  const scope = orderScope(user);
  const and: Prisma.Sql[] = [];
  if ("officerId" in scope) and.push(Prisma.sql`o.officer_id = ${scope.officerId}`);
  if (f.tab) and.push(Prisma.sql`o.status IN (${statusList(TAB_STATUSES[f.tab])})`);
  if (f.status) and.push(Prisma.sql`o.status = CAST(${f.status} AS "PretrialStatus")`);
  if (f.level) and.push(Prisma.sql`o.customer_level = ${f.level}`);
  if (f.from) and.push(Prisma.sql`o.created_at >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`o.created_at < ${f.to}`);
  if (f.createdBefore) and.push(Prisma.sql`o.created_at < ${f.createdBefore}`);
  if (f.officer) and.push(Prisma.sql`o.officer_id = ${f.officer}`);
  const dealer = f.dealer?.trim();
  if (dealer) {
    // The n-gram index narrows (migration 20261130130000), ILIKE checks the real substring.
    const escaped = dealer.replace(/[\\%_]/g, (c) => `\\${c}`);
    and.push(Prisma.sql`text_ngrams(o.dealer_name) @> CAST(${searchNgrams(dealer)} AS text[]) AND o.dealer_name ILIKE ${`%${escaped}%`}`);
  }
  if (f.person) {
    // A blind-index token from personSearchTokenAction: personal data is matched exactly,
    // through its HMAC, and never travels in the URL.
    const [kind, idx] = f.person.split(".", 2);
    if (kind === "id" && idx) and.push(Prisma.sql`o.id_number_idx = ${idx}`);
    else if (kind === "mobile" && idx) and.push(Prisma.sql`o.mobile_idx = ${idx}`);
    else if (kind === "name" && idx) and.push(Prisma.sql`o.customer_name_idx = ${idx}`);
    else and.push(Prisma.sql`FALSE`);
  }
  const ref = f.ref?.trim();
  if (ref) and.push(Prisma.sql`(o.outside_order_id = ${ref} OR o.query_sn = ${ref})`);
  if (f.capital) and.push(Prisma.sql`EXISTS (SELECT 1 FROM pretrial_recommendations r WHERE r.order_id = o.id AND r.capital_id = ${f.capital})`);
  if (f.product) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM pretrial_recommendations r JOIN capital_providers c ON c.id = r.capital_id
      WHERE r.order_id = o.id AND c.product_code = ${f.product})`);
  }
  return and;
}

/** Sorts the list offers, each answered by an index on (key, id). */
function sortOf(sort: PretrialSort): KeysetSort {
  const key = sort.field === "outsideOrderId" ? Prisma.sql`o.outside_order_id` : Prisma.sql`o.created_at`;
  return { key, type: sort.field === "outsideOrderId" ? "text" : "timestamptz", id: Prisma.sql`o.id`, idType: "text", dir: sort.dir };
}

const FROM = Prisma.sql`pretrial_orders o`;
const SELECT = Prisma.sql`o.id, o.outside_order_id AS "outsideOrderId", o.query_sn AS "querySn", o.status, o.customer_name_masked AS "customerNameMasked",
  o.id_number_masked AS "idNumberMasked", o.mobile_masked AS "mobileMasked", o.dealer_name AS "dealerName",
  o.customer_level AS "customerLevel", o.pretrial_status AS "pretrialStatus", o.last_error AS "lastError", o.err_reason AS "errReason",
  o.created_at AS "createdAt", o.result_at AS "resultAt", o.officer_id AS "officerId",
  coalesce(u.display_name, '') AS "officerName"`;
const FROM_ROWS = Prisma.sql`pretrial_orders o LEFT JOIN users u ON u.id = o.officer_id`;

export type PretrialRow = {
  id: string; outsideOrderId: string; querySn: string | null; status: PretrialStatus; customerNameMasked: string | null;
  idNumberMasked: string; mobileMasked: string; dealerName: string | null; customerLevel: string | null;
  pretrialStatus: number | null; lastError: string | null; errReason: string | null; createdAt: Date; resultAt: Date | null; officerId: string; officerName: string;
};

export type TabCounts = Record<PretrialTab, CappedCount>;

/**
 * One page of orders (keyset), the capped count of the filtered set and a capped count per tab
 * (the list's filters except the tab), all in one statement.
 */
export async function listPretrialOrders(db: DbOrTx, user: SessionUser, f: PretrialFilters, page: { cursor: string | null; perPage: number; sort: PretrialSort }) {
  const where = pretrialConditions(user, f);
  const base = pretrialConditions(user, { ...f, tab: null });
  const tabWhere = (tab: PretrialTab) => [...base, Prisma.sql`o.status IN (${statusList(TAB_STATUSES[tab])})`];
  const { counts, ...rows } = await keysetPage<PretrialRow, "total" | PretrialTab>(db, {
    select: SELECT, from: FROM_ROWS, where, sort: sortOf(page.sort), cursor: page.cursor, perPage: page.perPage,
    counts: { from: FROM, named: { total: where, awaiting: tabWhere("awaiting"), running: tabWhere("running"), passed: tabWhere("passed"), failed: tabWhere("failed") } },
  });
  const { total, ...tabCounts } = counts;
  return { ...rows, total, tabCounts: tabCounts as TabCounts };
}

/** The whole filtered set for export, by keyset in batches of 1,000: memory stays flat and the last batch costs what the first does. */
export function iteratePretrialOrders(db: DbOrTx, user: SessionUser, f: PretrialFilters, sort: PretrialSort) {
  return keysetWalk<PretrialRow>(db, { select: SELECT, from: FROM_ROWS, where: pretrialConditions(user, f), sort: sortOf(sort) });
}

/** The capped count the list shows for these filters; the workbench uses it so both agree. */
export function countPretrialOrders(db: DbOrTx, user: SessionUser, f: PretrialFilters) {
  return cappedCount(db, FROM, pretrialConditions(user, f));
}

export async function listOfficers(db: DbOrTx) {
  return db.user.findMany({ where: { role: { in: ["LOAN_OFFICER", "ADMIN"] } }, select: { id: true, displayName: true }, orderBy: { displayName: "asc" } });
}

/** One order with its timeline and capital list, or null when it does not exist or is out of scope. */
export async function getPretrialOrderForUser(db: DbOrTx, user: SessionUser, id: string) {
  const order = await db.pretrialOrder.findFirst({
    where: { AND: [{ id }, orderScope(user)] },
    omit: { idNumberEnc: true, mobileEnc: true, idNumberIdx: true, mobileIdx: true, customerNameEnc: true, customerNameIdx: true },
    include: {
      events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      recommendations: { orderBy: { position: "asc" }, include: { capital: true } },
    },
  });
  if (!order) return null;
  const officer = await db.user.findUnique({ where: { id: order.officerId }, select: { displayName: true } });
  const score = await db.riskScoreRequest.findFirst({
    where: { pretrialOrderId: order.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, score: true, cutoff: true, decision: true, channelKind: true, vendorCode: true, missingField: true },
  });
  return {
    ...order,
    officerName: officer?.displayName ?? "",
    latestScore: score ? { ...score, score: score.score === null ? null : Number(score.score), failureReason: score.status === "FAILED" ? scoreFailureReason(score) : null } : null,
    events: order.events.map((e) => ({ ...e, id: String(e.id), inboundEventId: e.inboundEventId === null ? null : String(e.inboundEventId) })),
  };
}
export type PretrialOrderDetail = NonNullable<Awaited<ReturnType<typeof getPretrialOrderForUser>>>;


/** The list's capped count as a scalar subquery, for the workbench's one-statement figures. */
export function pretrialCountSql(user: SessionUser, f: PretrialFilters): Prisma.Sql {
  return cappedCountSql(FROM, pretrialConditions(user, f));
}

/**
 * Figures for the home card as scalar subqueries (lib/home/queries.ts runs every card in one
 * statement): each a count over its own index range ((created_at), (status, result_at),
 * (status, updated_at)); the unbounded "awaiting" figure is capped like the list's counts.
 */
export function pretrialCardSql(user: SessionUser, since: Date) {
  const scope = orderScope(user);
  const own = "officerId" in scope ? Prisma.sql`AND o.officer_id = ${scope.officerId}` : Prisma.empty;
  return {
    today: Prisma.sql`(SELECT CAST(count(*) AS int) FROM pretrial_orders o WHERE o.created_at >= ${since} ${own})`,
    awaiting: cappedCountSql(FROM, [...pretrialConditions(user, { tab: "awaiting" })]),
    passed: Prisma.sql`(SELECT CAST(count(*) AS int) FROM pretrial_orders o WHERE o.status = 'PASSED' AND o.result_at >= ${since} ${own})`,
    failed: Prisma.sql`(SELECT CAST(count(*) AS int) FROM pretrial_orders o WHERE o.status IN ('FAILED', 'REJECTED', 'ERROR') AND o.updated_at >= ${since} ${own})`,
  };
}
