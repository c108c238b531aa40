import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { decryptPii, encryptPii } from "@/lib/pii/vault";
import type { LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { recordRequest } from "../requests/log";
import { policyFor } from "../requests/policy";
import type { CustodyPort } from "../requests/port";
import { sendLogged, type SendOutcome } from "../requests/send";

/**
 * Maker-checker for money-moving direct calls (confirmations, freeze / unfreeze, platform
 * pre-transaction) and project status changes (issue 11 §3; which ones: RETRY_POLICIES
 * `needsApproval`). A finance user proposes — the requestNo and the exact reqData are fixed
 * then — and a different finance user approves before it expires; only then is the request
 * written to the request log and sent. Both people are audited; the database refuses a checker
 * equal to the maker (custody_approvals_four_eyes).
 */
export const APPROVAL_ROLES: readonly Role[] = ["FINANCE", "ADMIN"];
export const APPROVAL_TTL_MS = 24 * 60 * 60_000;

export type Person = { id: string; name: string; role: Role };

export type Proposal = {
  serviceName: LanmaoServiceName;
  requestNo: string;
  /** reqData exactly as it will be sent (JSON text). */
  reqData: string;
  /** What the approver is shown (amounts in fen, names of projects and users; no personal data). */
  summary: Record<string, unknown>;
  operation?: ConfirmedOperation | null;
  platformUserNo?: string | null;
  projectNo?: string | null;
  amount?: number | null;
};

type StoredPayload = { reqData: string; operation: ConfirmedOperation | null; platformUserNo: string | null; projectNo: string | null; amount: number | null };

const actor = (p: Person): AuditActor => ({ id: p.id, name: p.name, role: p.role });

function assertRole(p: Person) {
  if (!APPROVAL_ROLES.includes(p.role)) throw new AppError("FORBIDDEN", `${p.role} may not propose or approve custody requests`);
}

export async function proposeRequest(db: Db, maker: Person, proposal: Proposal, now = new Date()): Promise<bigint> {
  assertRole(maker);
  if (!policyFor(proposal.serviceName).needsApproval) throw new Error(`${proposal.serviceName} does not go through approval`);
  const payload: StoredPayload = {
    reqData: encryptPii(proposal.reqData),
    operation: proposal.operation ?? null,
    platformUserNo: proposal.platformUserNo ?? null,
    projectNo: proposal.projectNo ?? null,
    amount: proposal.amount ?? null,
  };
  return db.$transaction(async (tx) => {
    const row = await tx.custodyApproval.create({
      data: {
        requestNo: proposal.requestNo,
        serviceName: proposal.serviceName,
        payload: payload as unknown as Prisma.InputJsonValue,
        summary: proposal.summary as Prisma.InputJsonValue,
        status: "WAITING",
        makerId: maker.id,
        makerName: maker.name,
        expiresAt: new Date(now.getTime() + APPROVAL_TTL_MS),
      },
    });
    await writeAudit(tx, {
      actor: actor(maker),
      action: "custody.approval.propose",
      outcome: "ok",
      targetType: "custodyApproval",
      targetId: String(row.id),
      after: { serviceName: proposal.serviceName, requestNo: proposal.requestNo, summary: proposal.summary },
    });
    return row.id;
  });
}

/**
 * The checker approves: the approval is locked, checked (waiting, not expired, a different
 * person), marked APPROVED and the request logged — one transaction — then sent.
 */
export async function approveRequest(db: Db, checker: Person, approvalId: bigint, port: CustodyPort, now = new Date()): Promise<SendOutcome> {
  assertRole(checker);
  const decided = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint; status: string; maker_id: string; expires_at: Date; request_no: string; service_name: string; payload: StoredPayload }[]>`
      SELECT id, status, maker_id, expires_at, request_no, service_name, payload FROM custody_approvals WHERE id = ${approvalId} FOR UPDATE`;
    const a = rows[0];
    if (!a) throw new AppError("NOT_FOUND", `approval ${approvalId} not found`);
    if (a.status !== "WAITING") throw new AppError("CONFLICT", `approval ${approvalId} is ${a.status}`, { i18n: { key: "custody.approvalNotWaiting" } });
    if (a.maker_id === checker.id) return { self: true as const };
    if (a.expires_at.getTime() <= now.getTime()) {
      throw new AppError("INVALID_STATE", `approval ${approvalId} expired`, { i18n: { key: "custody.approvalExpired" } });
    }
    await tx.custodyApproval.update({ where: { id: a.id }, data: { status: "APPROVED", checkerId: checker.id, checkerName: checker.name, decidedAt: now } });
    await recordRequest(tx, {
      requestNo: a.request_no,
      serviceName: a.service_name as LanmaoServiceName,
      reqData: decryptPii(a.payload.reqData),
      operation: a.payload.operation,
      platformUserNo: a.payload.platformUserNo,
      projectNo: a.payload.projectNo,
      amount: a.payload.amount,
      createdById: a.maker_id,
      approvalId: a.id,
    });
    await writeAudit(tx, { actor: actor(checker), action: "custody.approval.approve", outcome: "ok", targetType: "custodyApproval", targetId: String(a.id), after: { requestNo: a.request_no } });
    return { self: false as const, requestNo: a.request_no };
  });
  if (decided.self) {
    // Audited outside the refused transaction, so the refusal stays on record.
    await writeAudit(db, { actor: actor(checker), action: "custody.approval.approve", outcome: "denied", targetType: "custodyApproval", targetId: String(approvalId), detail: "maker cannot approve" });
    throw new AppError("FORBIDDEN", "the maker cannot approve their own request", { i18n: { key: "custody.approvalSelf" } });
  }
  return sendLogged(db, port, decided.requestNo);
}

/** A checker rejects, or the maker withdraws their own proposal (then no checker is recorded). */
export async function rejectRequest(db: Db, person: Person, approvalId: bigint, reason: string, now = new Date()): Promise<void> {
  assertRole(person);
  await db.$transaction(async (tx) => {
    const a = await tx.custodyApproval.findUnique({ where: { id: approvalId }, select: { makerId: true } });
    const byMaker = a?.makerId === person.id;
    const n = await tx.custodyApproval.updateMany({
      where: { id: approvalId, status: "WAITING" },
      data: { status: "REJECTED", checkerId: byMaker ? null : person.id, checkerName: byMaker ? null : person.name, reason: reason.slice(0, 500), decidedAt: now },
    });
    if (n.count !== 1) throw new AppError("CONFLICT", `approval ${approvalId} is not waiting`, { i18n: { key: "custody.approvalNotWaiting" } });
    await writeAudit(tx, {
      actor: actor(person),
      action: byMaker ? "custody.approval.withdraw" : "custody.approval.reject",
      outcome: "ok",
      targetType: "custodyApproval",
      targetId: String(approvalId),
      detail: reason,
    });
  });
}

/** Waiting approvals past their time become EXPIRED (worker); nothing was sent for them. */
export async function expireApprovals(db: Db, now = new Date()): Promise<number> {
  const n = await db.custodyApproval.updateMany({ where: { status: "WAITING", expiresAt: { lte: now } }, data: { status: "EXPIRED", decidedAt: now } });
  return n.count;
}
