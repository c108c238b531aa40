import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import type { PretrialStatus, Prisma } from "@/lib/generated/prisma/client";
import { scoreFailureReason } from "@/lib/risk-scores/failure";
import { orderScope } from "./access";
import type { PretrialSort } from "./sort";

export type PretrialFilters = {
  status?: PretrialStatus | null;
  level?: string | null;
  from?: Date | null;
  to?: Date | null;
  officer?: string | null;
  dealer?: string | null;
  /** `id.<hmac>` / `mobile.<hmac>` / `name.<hmac>`: a blind-index token, never the value itself. */
  person?: string | null;
  /** `outsideOrderId` or `querySn`. */
  ref?: string | null;
  capital?: string | null;
  product?: string | null;
};


export function pretrialWhere(user: SessionUser, f: PretrialFilters): Prisma.PretrialOrderWhereInput {
  const and: Prisma.PretrialOrderWhereInput[] = [orderScope(user)];
  if (f.status) and.push({ status: f.status });
  if (f.level) and.push({ customerLevel: f.level });
  if (f.from || f.to) and.push({ createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } });
  if (f.officer) and.push({ officerId: f.officer });
  if (f.dealer) and.push({ dealerName: { contains: f.dealer.trim(), mode: "insensitive" } });
  if (f.person) {
    // A blind-index token from personSearchTokenAction: personal data is matched exactly,
    // through its HMAC, and never travels in the URL.
    const [kind, idx] = f.person.split(".", 2);
    if (kind === "id" && idx) and.push({ idNumberIdx: idx });
    else if (kind === "mobile" && idx) and.push({ mobileIdx: idx });
    else if (kind === "name" && idx) and.push({ customerNameIdx: idx });
    else and.push({ id: "__no_match__" });
  }
  if (f.ref) and.push({ OR: [{ outsideOrderId: f.ref.trim() }, { querySn: f.ref.trim() }] });
  if (f.capital) and.push({ recommendations: { some: { capitalId: f.capital } } });
  if (f.product) and.push({ recommendations: { some: { capital: { productCode: f.product } } } });
  return { AND: and };
}

const listSelect = {
  id: true, outsideOrderId: true, querySn: true, status: true, customerNameMasked: true, idNumberMasked: true, mobileMasked: true,
  dealerName: true, customerLevel: true, pretrialStatus: true, lastError: true, createdAt: true, resultAt: true, officerId: true,
} as const;

export async function listPretrialOrders(db: DbOrTx, user: SessionUser, f: PretrialFilters, page: { skip: number; take: number; sort: PretrialSort }) {
  const where = pretrialWhere(user, f);
  const [rows, total] = await Promise.all([
    db.pretrialOrder.findMany({ where, select: listSelect, orderBy: [{ [page.sort.field]: page.sort.dir }, { id: "asc" }], skip: page.skip, take: page.take }),
    db.pretrialOrder.count({ where }),
  ]);
  const officers = await officerNames(db, rows.map((r) => r.officerId));
  return { rows: rows.map((r) => ({ ...r, officerName: officers.get(r.officerId) ?? "" })), total };
}
export type PretrialRow = Awaited<ReturnType<typeof listPretrialOrders>>["rows"][number];

/** The whole filtered set for export, in pages of 1,000 so memory stays flat. */
export async function* iteratePretrialOrders(db: DbOrTx, user: SessionUser, f: PretrialFilters, sort: PretrialSort) {
  const where = pretrialWhere(user, f);
  for (let skip = 0; ; skip += 1000) {
    const rows = await db.pretrialOrder.findMany({ where, select: listSelect, orderBy: [{ [sort.field]: sort.dir }, { id: "asc" }], skip, take: 1000 });
    const officers = await officerNames(db, rows.map((r) => r.officerId));
    for (const r of rows) yield { ...r, officerName: officers.get(r.officerId) ?? "" };
    if (rows.length < 1000) return;
  }
}

async function officerNames(db: DbOrTx, ids: string[]) {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
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

/** Figures for the home card, within the user's scope. */
export async function getPretrialCardStats(db: DbOrTx, user: SessionUser, since: Date) {
  const scope = orderScope(user);
  const [today, awaiting, passed, failed] = await Promise.all([
    db.pretrialOrder.count({ where: { ...scope, createdAt: { gte: since } } }),
    db.pretrialOrder.count({ where: { ...scope, status: "AWAITING_SIGNATURE" } }),
    db.pretrialOrder.count({ where: { ...scope, status: "PASSED", resultAt: { gte: since } } }),
    db.pretrialOrder.count({ where: { ...scope, status: { in: ["FAILED", "REJECTED", "ERROR"] }, updatedAt: { gte: since } } }),
  ]);
  return { today, awaiting, passed, failed };
}
