import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import type { ChannelKind, Prisma, RiskScoreStatus } from "@/lib/generated/prisma/client";
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

export function scoreWhere(user: SessionUser, f: ScoreFilters): Prisma.RiskScoreRequestWhereInput {
  const and: Prisma.RiskScoreRequestWhereInput[] = [requestScope(user)];
  if (f.status) and.push({ status: f.status });
  if (f.decision) and.push({ decision: f.decision });
  if (f.channelKind) and.push({ channelKind: f.channelKind });
  if (f.from || f.to) and.push({ createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } });
  if (f.ref) and.push({ OR: [{ zwOrder: f.ref.trim() }, { pretrialOrderId: { in: f.refOrderIds ?? [f.ref.trim()] } }] });
  return { AND: and };
}

const listSelect = {
  id: true, zwOrder: true, status: true, score: true, scoreRaw: true, cutoff: true, decision: true, channelKind: true, createdAt: true,
  scoredAt: true, lastError: true, attempts: true, pretrialOrderId: true, fromHistory: true,
  profile: { select: { realNameMasked: true, idNumberMasked: true } },
} as const;

/** Nullable `score` sorts unscored requests last; the other columns are never null. */
function orderByOf(sort: ScoreSort): Prisma.RiskScoreRequestOrderByWithRelationInput[] {
  const primary = sort.field === "score" ? { score: { sort: sort.dir, nulls: "last" as const } } : { [sort.field]: sort.dir };
  return [primary, { id: "asc" }];
}

function toRow<T extends { score: Prisma.Decimal | null }>(r: T) {
  return { ...r, score: r.score === null ? null : Number(r.score) };
}

export async function listScoreRequests(db: DbOrTx, user: SessionUser, f: ScoreFilters, page: { skip: number; take: number; sort: ScoreSort }) {
  const where = scoreWhere(user, await resolveScoreFilters(db, f));
  const [rows, total] = await Promise.all([
    db.riskScoreRequest.findMany({ where, select: listSelect, orderBy: orderByOf(page.sort), skip: page.skip, take: page.take }),
    db.riskScoreRequest.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}
export type ScoreRow = Awaited<ReturnType<typeof listScoreRequests>>["rows"][number];

export async function* iterateScoreRequests(db: DbOrTx, user: SessionUser, f: ScoreFilters, sort: ScoreSort) {
  const where = scoreWhere(user, await resolveScoreFilters(db, f));
  for (let skip = 0; ; skip += 1000) {
    const rows = await db.riskScoreRequest.findMany({ where, select: listSelect, orderBy: orderByOf(sort), skip, take: 1000 });
    for (const r of rows) yield toRow(r);
    if (rows.length < 1000) return;
  }
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

/**
 * Scores in 25-point buckets per channel kind, and the pass rate among scored requests,
 * counted in the database: the matching ids come from the same where clause as the list, the
 * grouping is SQL, so memory does not grow with the table.
 */
export async function getScoreDistribution(db: DbOrTx, user: SessionUser, f: ScoreFilters) {
  const where = { AND: [scoreWhere(user, await resolveScoreFilters(db, f)), { status: "SCORED" as const }] };
  const [grouped, perKindRows] = await Promise.all([
    db.riskScoreRequest.groupBy({ by: ["score", "channelKind"], where, _count: { _all: true } }),
    db.riskScoreRequest.groupBy({ by: ["channelKind", "decision"], where, _count: { _all: true } }),
  ]);
  const buckets = new Map<number, { bucket: number; NATURAL: number; REFERRAL: number }>();
  for (const g of grouped) {
    const bucket = Math.floor(Number(g.score) / 25) * 25;
    const entry = buckets.get(bucket) ?? { bucket, NATURAL: 0, REFERRAL: 0 };
    entry[g.channelKind] += g._count._all;
    buckets.set(bucket, entry);
  }
  const perKind = { NATURAL: { scored: 0, passed: 0 }, REFERRAL: { scored: 0, passed: 0 } };
  for (const g of perKindRows) {
    perKind[g.channelKind].scored += g._count._all;
    if (g.decision === "pass") perKind[g.channelKind].passed += g._count._all;
  }
  return { buckets: [...buckets.values()].sort((a, b) => a.bucket - b.bucket), perKind };
}

export async function getScoreCardStats(db: DbOrTx, user: SessionUser, since: Date) {
  const scope = requestScope(user);
  const [today, scored, passed, modelErrors] = await Promise.all([
    db.riskScoreRequest.count({ where: { ...scope, createdAt: { gte: since } } }),
    db.riskScoreRequest.count({ where: { ...scope, createdAt: { gte: since }, status: "SCORED" } }),
    db.riskScoreRequest.count({ where: { ...scope, createdAt: { gte: since }, decision: "pass" } }),
    db.riskScoreRequest.count({ where: { ...scope, createdAt: { gte: since }, status: "MODEL_ERROR" } }),
  ]);
  return { today, passRate: scored ? passed / scored : null, modelErrors };
}
