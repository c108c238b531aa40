import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { readRows } from "@/lib/db/read-rows";
import { type ChannelKind, Prisma, type RiskScoreStatus } from "@/lib/generated/prisma/client";
import { cappedCount, cappedCountSql, keysetPage, keysetWalk, type KeysetSort } from "@/lib/list/keyset";
import { requestScope } from "./access";
import type { ScoreSort } from "./sort";

export type ScoreFilters = {
  status?: RiskScoreStatus | null;
  decision?: "pass" | "fail" | "model-error" | null;
  channelKind?: ChannelKind | null;
  from?: Date | null;
  to?: Date | null;
  /** A zw_order, or a pretrial order's number (CR…) or id. */
  ref?: string | null;
  /** Pretrial order ids the ref names, resolved by `resolveScoreFilters`. */
  refOrderIds?: string[];
};

/** Turns a pretrial order number in `ref` into order ids (requests link orders by id). */
export async function resolveScoreFilters(db: DbOrTx, f: ScoreFilters): Promise<ScoreFilters> {
  if (!f.ref) return f;
  const ref = f.ref.trim();
  const orders = await db.pretrialOrder.findMany({ where: { OR: [{ outsideOrderId: ref }, { querySn: ref }, { id: ref }] }, select: { id: true } });
  return { ...f, refOrderIds: orders.map((o) => o.id) };
}

export type { ScoreSort } from "./sort";

/** The list's WHERE clause as SQL over `risk_score_requests r`; each condition is indexed or rides the sort index. */
export function scoreConditions(user: SessionUser, f: ScoreFilters): Prisma.Sql[] {
  const scope = requestScope(user);
  const and: Prisma.Sql[] = [];
  if ("requestedById" in scope && typeof scope.requestedById === "string") and.push(Prisma.sql`r.requested_by_id = ${scope.requestedById}`);
  if (f.status) and.push(Prisma.sql`r.status = CAST(${f.status} AS "RiskScoreStatus")`);
  if (f.decision) and.push(Prisma.sql`r.decision = ${f.decision}`);
  if (f.channelKind) and.push(Prisma.sql`r.channel_kind = CAST(${f.channelKind} AS "ChannelKind")`);
  if (f.from) and.push(Prisma.sql`r.created_at >= ${f.from}`);
  if (f.to) and.push(Prisma.sql`r.created_at < ${f.to}`);
  const ref = f.ref?.trim();
  if (ref) {
    const ids = f.refOrderIds ?? [ref];
    and.push(Prisma.sql`(r.zw_order = ${ref} OR r.pretrial_order_id = ANY(CAST(${ids} AS text[])))`);
  }
  return and;
}

/**
 * Sorts, each answered by an index on (key, id). A score sort keeps unscored requests last in
 * both directions: the key is the score with a sentinel beyond any real score for null.
 */
function sortOf(sort: ScoreSort): KeysetSort {
  const base = { id: Prisma.sql`r.id`, idType: "text" as const, dir: sort.dir };
  if (sort.field === "score") {
    const key = sort.dir === "asc" ? Prisma.sql`COALESCE(r.score, 1000000000)` : Prisma.sql`COALESCE(r.score, -1000000000)`;
    return { ...base, key, type: "numeric" };
  }
  return { ...base, key: Prisma.sql`r.created_at`, type: "timestamptz" };
}

const FROM = Prisma.sql`risk_score_requests r`;
const FROM_ROWS = Prisma.sql`risk_score_requests r JOIN risk_profiles p ON p.id = r.profile_id`;
const SELECT = Prisma.sql`r.id, r.zw_order AS "zwOrder", r.status, CAST(r.score AS float8) AS score, r.score_raw AS "scoreRaw", r.cutoff,
  r.decision, r.channel_kind AS "channelKind", r.created_at AS "createdAt", r.scored_at AS "scoredAt", r.last_error AS "lastError",
  r.attempts, r.pretrial_order_id AS "pretrialOrderId", r.from_history AS "fromHistory",
  p.real_name_masked AS "profileRealNameMasked", p.id_number_masked AS "profileIdNumberMasked"`;
type FlatScoreRow = Omit<ScoreRow, "profile"> & { profileRealNameMasked: string | null; profileIdNumberMasked: string };
/** Flat columns from SQL (cheaper than a JSON object per row), nested as the UI reads them. */
function nest({ profileRealNameMasked, profileIdNumberMasked, ...r }: FlatScoreRow): ScoreRow {
  return { ...r, profile: { realNameMasked: profileRealNameMasked, idNumberMasked: profileIdNumberMasked } };
}

export type ScoreRow = {
  id: string; zwOrder: string; status: RiskScoreStatus; score: number | null; scoreRaw: string | null; cutoff: number | null;
  decision: string | null; channelKind: ChannelKind; createdAt: Date; scoredAt: Date | null; lastError: string | null;
  attempts: number; pretrialOrderId: string | null; fromHistory: boolean; profile: { realNameMasked: string | null; idNumberMasked: string };
};

export async function listScoreRequests(db: DbOrTx, user: SessionUser, f: ScoreFilters, page: { cursor: string | null; perPage: number; sort: ScoreSort }) {
  const where = scoreConditions(user, await resolveScoreFilters(db, f));
  const { rows, next, prev, counts } = await keysetPage<FlatScoreRow, "total">(db, {
    select: SELECT, from: FROM_ROWS, where, sort: sortOf(page.sort), cursor: page.cursor, perPage: page.perPage, counts: { from: FROM, named: { total: where } },
  });
  return { rows: rows.map(nest), next, prev, total: counts.total };
}

/** The whole filtered set for export, by keyset in batches of 1,000. */
export async function* iterateScoreRequests(db: DbOrTx, user: SessionUser, f: ScoreFilters, sort: ScoreSort) {
  const where = scoreConditions(user, await resolveScoreFilters(db, f));
  for await (const row of keysetWalk<FlatScoreRow>(db, { select: SELECT, from: FROM_ROWS, where, sort: sortOf(sort) })) yield nest(row);
}

export async function getScoreRequestForUser(db: DbOrTx, user: SessionUser, id: string) {
  const r = await db.riskScoreRequest.findFirst({
    where: { AND: [{ id }, requestScope(user)] },
    include: {
      profile: {
        omit: {
          idNumberEnc: true, mobileEnc: true, phone1Enc: true, phone2Enc: true, reservedMobileEnc: true, cardNumEnc: true, operatorReportEnc: true, idNumberIdx: true, mobileIdx: true,
          realNameEnc: true, realNameIdx: true, birthplaceEnc: true, userAddressEnc: true, companyAddressEnc: true,
          name1Enc: true, name1Idx: true, name2Enc: true, name2Idx: true, cardUserNameEnc: true, cardUserNameIdx: true,
        },
      },
    },
  });
  if (!r) return null;
  return { ...r, score: r.score === null ? null : Number(r.score), profile: { ...r.profile, consumeAmountFen: r.profile.consumeAmountFen === null ? null : Number(r.profile.consumeAmountFen) } };
}
export type ScoreDetail = NonNullable<Awaited<ReturnType<typeof getScoreRequestForUser>>>;

/** Without a date filter the chart covers the last 30 days: a glance, not a scan of every score ever made. */
export const CHART_DEFAULT_DAYS = 30;

type BucketRow = { bucket: number; kind: ChannelKind; decision: string | null; n: number };

/**
 * Scores in 25-point buckets per channel kind, and the pass rate among scored requests, grouped
 * in SQL over the (status, created_at) index that carries score, channel and decision: one
 * index-only range scan, a few dozen rows back. Same filters as the list, plus the default window.
 */
export async function getScoreDistribution(db: DbOrTx, user: SessionUser, f: ScoreFilters, now = new Date()) {
  const windowed = f.from || f.to ? f : { ...f, from: new Date(now.getTime() - CHART_DEFAULT_DAYS * 24 * 3600_000) };
  const where = [...scoreConditions(user, await resolveScoreFilters(db, windowed)), Prisma.sql`r.status = 'SCORED'`];
  const grouped = await readRows<BucketRow>(db, Prisma.sql`
    SELECT CAST(floor(r.score / 25) * 25 AS int) AS bucket, r.channel_kind AS kind, r.decision, CAST(count(*) AS int) AS n
    FROM risk_score_requests r WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3`);
  const buckets = new Map<number, { bucket: number; NATURAL: number; REFERRAL: number }>();
  const perKind = { NATURAL: { scored: 0, passed: 0 }, REFERRAL: { scored: 0, passed: 0 } };
  for (const g of grouped) {
    const entry = buckets.get(g.bucket) ?? { bucket: g.bucket, NATURAL: 0, REFERRAL: 0 };
    entry[g.kind] += g.n;
    buckets.set(g.bucket, entry);
    perKind[g.kind].scored += g.n;
    if (g.decision === "pass") perKind[g.kind].passed += g.n;
  }
  return { buckets: [...buckets.values()].sort((a, b) => a.bucket - b.bucket), perKind, windowDays: f.from || f.to ? null : CHART_DEFAULT_DAYS };
}

/** The capped count the score list shows for these filters (the workbench links agree with it). */
export async function countScoreRequests(db: DbOrTx, user: SessionUser, f: ScoreFilters) {
  return cappedCount(db, FROM, scoreConditions(user, await resolveScoreFilters(db, f)));
}

/** Today's figures for the home card as scalar subqueries over today's range of the (status, created_at, id) index. */
export function scoreCardSql(user: SessionUser, since: Date) {
  const today = [...scoreConditions(user, {}), Prisma.sql`r.created_at >= ${since}`];
  const count = (extra: Prisma.Sql[]) => Prisma.sql`(SELECT CAST(count(*) AS int) FROM risk_score_requests r WHERE ${Prisma.join([...today, ...extra], " AND ")})`;
  return {
    today: count([]),
    scored: count([Prisma.sql`r.status = 'SCORED'`]),
    passed: count([Prisma.sql`r.status = 'SCORED'`, Prisma.sql`r.decision = 'pass'`]),
    modelErrors: count([Prisma.sql`r.status = 'MODEL_ERROR'`]),
  };
}

/** The list's capped count as a scalar subquery (filters already resolved: a `ref` names order ids). */
export function scoreCountSql(user: SessionUser, f: ScoreFilters): Prisma.Sql {
  return cappedCountSql(FROM, scoreConditions(user, f));
}
