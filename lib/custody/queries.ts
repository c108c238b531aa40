import "server-only";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { keysetPage, type KeysetSort } from "@/lib/list/keyset";
import { fenFromBigInt, type Fen } from "@/lib/money";
import { PLATFORM_ACCOUNTS } from "@/lib/ledger/operations";
import type { TAccountListParams, TProjectListParams, TRequestListParams } from "./list-params";
import { nextStatuses, type ProjectStatus } from "./projects/rules";

/** Custody is finance's (design.md §4): every query checks the role itself. */
export const CUSTODY_ROLES = ["ADMIN", "FINANCE"] as const;

function requireRole(user: SessionUser, roles: readonly string[]) {
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", `${user.role} may not read custody data`);
}

const fen = (v: bigint | null | undefined): Fen => (v === null || v === undefined ? 0 : fenFromBigInt(v));

// ------------------------------------------------------------------------- request log

export type RequestRow = {
  id: string;
  requestNo: string;
  serviceName: string;
  status: string;
  ledgerStatus: string;
  ledgerNote: string | null;
  platformUserNo: string | null;
  projectNo: string | null;
  amount: Fen | null;
  attempts: number;
  code: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
};

const REQUEST_SELECT = Prisma.sql`CAST(r.id AS text) AS id, r.request_no AS "requestNo", r.service_name AS "serviceName", r.status, r.ledger_status AS "ledgerStatus",
  r.ledger_note AS "ledgerNote", r.platform_user_no AS "platformUserNo", r.project_no AS "projectNo", r.amount, r.attempts, r.code,
  r.created_at AS "createdAt", r.confirmed_at AS "confirmedAt"`;

function requestConditions(f: Pick<TRequestListParams, "status" | "service" | "ledger" | "ref">): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (f.status) and.push(Prisma.sql`r.status = ${f.status}`);
  if (f.service) and.push(Prisma.sql`r.service_name = ${f.service}`);
  if (f.ledger) and.push(Prisma.sql`r.ledger_status = ${f.ledger}`);
  const ref = f.ref?.trim();
  if (ref) and.push(Prisma.sql`(r.request_no = ${ref} OR r.platform_user_no = ${ref} OR r.project_no = ${ref})`);
  return and;
}

const byCreated = (alias: string, idType: "bigint" | "text", id = "id"): ((dir: "asc" | "desc") => KeysetSort) => (dir) => ({
  key: Prisma.raw(`${alias}.created_at`),
  type: "timestamptz",
  id: Prisma.raw(`${alias}.${id}`),
  idType,
  dir,
});

export async function listCustodyRequests(db: DbOrTx, user: SessionUser, p: TRequestListParams) {
  requireRole(user, CUSTODY_ROLES);
  const where = requestConditions(p);
  const { rows, next, prev, counts } = await keysetPage<Omit<RequestRow, "amount"> & { amount: bigint | null }, "total">(db, {
    select: REQUEST_SELECT,
    from: Prisma.sql`custody_requests r`,
    where,
    sort: byCreated("r", "bigint")(p.sort.dir),
    cursor: p.cursor,
    perPage: p.perPage,
    counts: { from: Prisma.sql`custody_requests r`, named: { total: where } },
  });
  return { rows: rows.map((r) => ({ ...r, amount: r.amount === null ? null : fen(r.amount) })), next, prev, total: counts.total };
}

/** The inbox's notices for one request (key serviceName:requestNo:status), newest first. */
export async function noticesFor(db: DbOrTx, user: SessionUser, requestNo: string) {
  requireRole(user, CUSTODY_ROLES);
  return db.$queryRaw<{ id: string; eventKey: string; status: string; receivedAt: Date }[]>`
    SELECT CAST(id AS text) AS id, event_key AS "eventKey", status::text AS status, received_at AS "receivedAt"
    FROM inbound_events WHERE source = 'lanmao' AND event_key LIKE ${`%:${requestNo.replace(/[%_\\]/g, "\\$&")}:%`} ORDER BY id DESC LIMIT 50`;
}

// ------------------------------------------------------------------------- projects

export type ProjectRow = {
  projectNo: string;
  name: string;
  borrower: string;
  status: ProjectStatus;
  amount: Fen;
  lent: Fen;
  repaidPrincipal: Fen;
  repaidInterest: Fen;
  commission: Fen;
  invested: Fen;
  createdAt: Date;
};

const PROJECT_SELECT = Prisma.sql`p.project_no AS "projectNo", p.name, p.borrower, p.status, p.amount, p.lent, p.repaid_principal AS "repaidPrincipal",
  p.repaid_interest AS "repaidInterest", p.commission, p.created_at AS "createdAt",
  (SELECT COALESCE(SUM(h.amount), 0) FROM ledger_holds h WHERE h.project_no = p.project_no AND h.biz_type = 'TENDER') AS invested`;

type RawProject = Omit<ProjectRow, "amount" | "lent" | "repaidPrincipal" | "repaidInterest" | "commission" | "invested"> &
  Record<"amount" | "lent" | "repaidPrincipal" | "repaidInterest" | "commission" | "invested", bigint | string>;
const toProject = (r: RawProject): ProjectRow => ({
  ...r,
  amount: fen(BigInt(r.amount)),
  lent: fen(BigInt(r.lent)),
  repaidPrincipal: fen(BigInt(r.repaidPrincipal)),
  repaidInterest: fen(BigInt(r.repaidInterest)),
  commission: fen(BigInt(r.commission)),
  invested: fen(BigInt(r.invested)),
});

export async function listProjects(db: DbOrTx, user: SessionUser, p: TProjectListParams) {
  requireRole(user, CUSTODY_ROLES);
  const where = p.status ? [Prisma.sql`p.status = ${p.status}`] : [];
  const { rows, next, prev, counts } = await keysetPage<RawProject, "total">(db, {
    select: PROJECT_SELECT,
    from: Prisma.sql`custody_projects p`,
    where,
    sort: byCreated("p", "text", "project_no")(p.sort.dir),
    cursor: p.cursor,
    perPage: p.perPage,
    counts: { from: Prisma.sql`custody_projects p`, named: { total: where } },
  });
  return { rows: rows.map(toProject), next, prev, total: counts.total };
}

export type ProjectDetail = ProjectRow & {
  investors: { platformUserNo: string; holdNo: string; amount: Fen; released: Fen }[];
  nextStatuses: readonly ProjectStatus[];
  requests: RequestRow[];
};

export async function getProject(db: DbOrTx, user: SessionUser, projectNo: string): Promise<ProjectDetail | null> {
  requireRole(user, CUSTODY_ROLES);
  const rows = await db.$queryRaw<RawProject[]>`SELECT ${PROJECT_SELECT} FROM custody_projects p WHERE p.project_no = ${projectNo}`;
  if (!rows[0]) return null;
  const project = toProject(rows[0]);
  const holds = await db.ledgerHold.findMany({ where: { projectNo }, orderBy: { openedAt: "asc" } });
  const requests = await db.$queryRaw<(Omit<RequestRow, "amount"> & { amount: bigint | null })[]>`
    SELECT ${REQUEST_SELECT} FROM custody_requests r WHERE r.project_no = ${projectNo} ORDER BY r.created_at DESC, r.id DESC LIMIT 100`;
  return {
    ...project,
    investors: holds
      .filter((h) => h.bizType === "TENDER")
      .map((h) => ({ platformUserNo: h.owner, holdNo: h.holdNo, amount: fen(h.amount), released: fen(h.released) })),
    nextStatuses: nextStatuses(project.status),
    requests: requests.map((r) => ({ ...r, amount: r.amount === null ? null : fen(r.amount) })),
  };
}

// ------------------------------------------------------------------------- accounts

export type AccountRow = {
  platformUserNo: string;
  userType: string;
  status: string;
  cardBound: boolean;
  bankcardMasked: string | null;
  bankcode: string | null;
  available: Fen;
  frozen: Fen;
  createdAt: Date;
};

export async function listAccounts(db: DbOrTx, user: SessionUser, p: TAccountListParams) {
  requireRole(user, CUSTODY_ROLES);
  const where = p.ref?.trim() ? [Prisma.sql`a.platform_user_no = ${p.ref.trim()}`] : [];
  const { rows, next, prev, counts } = await keysetPage<Omit<AccountRow, "available" | "frozen"> & { available: bigint | null; frozen: bigint | null }, "total">(db, {
    select: Prisma.sql`a.platform_user_no AS "platformUserNo", a.user_type AS "userType", a.status, a.card_bound AS "cardBound",
      a.bankcard_masked AS "bankcardMasked", a.bankcode, a.created_at AS "createdAt",
      (SELECT balance FROM ledger_accounts l WHERE l.owner = a.platform_user_no AND l.bucket = 'AVAILABLE') AS available,
      (SELECT balance FROM ledger_accounts l WHERE l.owner = a.platform_user_no AND l.bucket = 'FROZEN') AS frozen`,
    from: Prisma.sql`custody_accounts a`,
    where,
    sort: byCreated("a", "text", "platform_user_no")(p.sort.dir),
    cursor: p.cursor,
    perPage: p.perPage,
    counts: { from: Prisma.sql`custody_accounts a`, named: { total: where } },
  });
  return { rows: rows.map((r) => ({ ...r, available: fen(r.available), frozen: fen(r.frozen) })), next, prev, total: counts.total };
}

/** The three platform accounts (§5.3.18), from the ledger. */
export async function platformBalances(db: DbOrTx, user: SessionUser) {
  requireRole(user, CUSTODY_ROLES);
  const rows = await db.ledgerAccount.findMany({ where: { owner: { in: [...PLATFORM_ACCOUNTS] } } });
  return PLATFORM_ACCOUNTS.map((owner) => ({
    owner,
    available: fen(rows.find((r) => r.owner === owner && r.bucket === "AVAILABLE")?.balance),
    frozen: fen(rows.find((r) => r.owner === owner && r.bucket === "FROZEN")?.balance),
  }));
}

export type ApprovalRow = { id: string; serviceName: string; requestNo: string; summary: Record<string, unknown>; makerId: string; makerName: string; createdAt: Date; expiresAt: Date };

export async function waitingApprovals(db: DbOrTx, user: SessionUser): Promise<ApprovalRow[]> {
  requireRole(user, CUSTODY_ROLES);
  const rows = await db.custodyApproval.findMany({ where: { status: "WAITING", expiresAt: { gt: new Date() } }, orderBy: { createdAt: "asc" }, take: 100 });
  return rows.map((r) => ({
    id: String(r.id),
    serviceName: r.serviceName,
    requestNo: r.requestNo,
    summary: r.summary as Record<string, unknown>,
    makerId: r.makerId,
    makerName: r.makerName,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  }));
}
