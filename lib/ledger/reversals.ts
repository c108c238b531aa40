import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reverseTransaction } from "./post";

/**
 * A correction on the ledger: a new transaction negating every posting of one transaction
 * (lib/ledger/post.ts reverseTransaction; postings are never edited). One finance user or admin
 * proposes it with a reason; a different one approves, and only then is it posted — in the
 * same database transaction as the approval, so an approved reversal is always posted once.
 * The database refuses an approval by the maker (ledger_reversals_four_eyes) and a second
 * waiting proposal for the same transaction. Every step is audited.
 */
export const REVERSAL_ROLES: readonly Role[] = ["FINANCE", "ADMIN"];
export type Person = { id: string; name: string; role: Role };

const actor = (p: Person): AuditActor => ({ id: p.id, name: p.name, role: p.role });

function assertRole(p: Person) {
  if (!REVERSAL_ROLES.includes(p.role)) throw new AppError("FORBIDDEN", `${p.role} may not reverse ledger transactions`);
}

export async function proposeReversal(db: Db, maker: Person, transactionId: bigint, reason: string): Promise<bigint> {
  assertRole(maker);
  const why = reason.trim();
  if (!why) throw new AppError("VALIDATION", "a reason is required", { fieldErrors: { reason: ["required"] } });
  return db.$transaction(async (tx) => {
    const t = await tx.ledgerTransaction.findUnique({ where: { id: transactionId }, select: { reversesId: true, opKey: true } });
    if (!t) throw new AppError("NOT_FOUND", `ledger transaction ${transactionId} not found`);
    if (t.reversesId !== null) throw new AppError("INVALID_STATE", "a reversal is not reversed", { i18n: { key: "custody.reversalOfReversal" } });
    if (await tx.ledgerTransaction.findUnique({ where: { opKey: `REVERSAL:${transactionId}` }, select: { id: true } })) {
      throw new AppError("CONFLICT", `ledger transaction ${transactionId} is already reversed`, { i18n: { key: "custody.alreadyReversed" } });
    }
    const waiting = await tx.ledgerReversal.findFirst({ where: { transactionId, status: "WAITING" }, select: { id: true } });
    if (waiting) throw new AppError("CONFLICT", "a reversal of this transaction is already waiting", { i18n: { key: "custody.reversalWaiting" } });
    const row = await tx.ledgerReversal.create({ data: { transactionId, reason: why.slice(0, 500), status: "WAITING", makerId: maker.id, makerName: maker.name } });
    await writeAudit(tx, { actor: actor(maker), action: "ledger.reversal.propose", outcome: "ok", targetType: "ledgerTransaction", targetId: String(transactionId), detail: why.slice(0, 500), after: { reversalId: String(row.id) } });
    return row.id;
  });
}

/** The checker approves: locked, checked (waiting, another person), posted, marked — one transaction. */
export async function approveReversal(db: Db, checker: Person, reversalId: bigint, now = new Date()): Promise<{ transactionId: bigint }> {
  assertRole(checker);
  const decided = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint; status: string; maker_id: string; transaction_id: bigint; reason: string }[]>`
      SELECT id, status, maker_id, transaction_id, reason FROM ledger_reversals WHERE id = ${reversalId} FOR UPDATE`;
    const r = rows[0];
    if (!r) throw new AppError("NOT_FOUND", `reversal ${reversalId} not found`);
    if (r.status !== "WAITING") throw new AppError("CONFLICT", `reversal ${reversalId} is ${r.status}`, { i18n: { key: "custody.approvalNotWaiting" } });
    if (r.maker_id === checker.id) return { self: true as const };
    const posted = await reverseTransaction(tx, r.transaction_id, `reversal ${r.id}: ${r.reason}`.slice(0, 500), now);
    if (posted.status === "waiting") {
      throw new AppError("INVALID_STATE", `reversal ${reversalId} would overdraw: ${posted.detail}`, { i18n: { key: "custody.reversalShort", values: { detail: posted.detail } } });
    }
    await tx.ledgerReversal.update({ where: { id: r.id }, data: { status: "APPROVED", checkerId: checker.id, checkerName: checker.name, decidedAt: now, reversalTransactionId: posted.transactionId } });
    await writeAudit(tx, { actor: actor(checker), action: "ledger.reversal.approve", outcome: "ok", targetType: "ledgerTransaction", targetId: String(r.transaction_id), after: { reversalId: String(r.id), reversalTransactionId: String(posted.transactionId) } });
    return { self: false as const, transactionId: posted.transactionId };
  });
  if (decided.self) {
    await writeAudit(db, { actor: actor(checker), action: "ledger.reversal.approve", outcome: "denied", targetType: "ledgerReversal", targetId: String(reversalId), detail: "maker cannot approve" });
    throw new AppError("FORBIDDEN", "the maker cannot approve their own reversal", { i18n: { key: "custody.approvalSelf" } });
  }
  return { transactionId: decided.transactionId };
}

/** A checker rejects, or the maker withdraws their own proposal. */
export async function rejectReversal(db: Db, person: Person, reversalId: bigint, reason: string, now = new Date()): Promise<void> {
  assertRole(person);
  await db.$transaction(async (tx) => {
    const r = await tx.ledgerReversal.findUnique({ where: { id: reversalId }, select: { makerId: true, transactionId: true } });
    const byMaker = r?.makerId === person.id;
    const n = await tx.ledgerReversal.updateMany({
      where: { id: reversalId, status: "WAITING" },
      data: { status: "REJECTED", checkerId: byMaker ? null : person.id, checkerName: byMaker ? null : person.name, rejectReason: reason.slice(0, 500), decidedAt: now },
    });
    if (n.count !== 1) throw new AppError("CONFLICT", `reversal ${reversalId} is not waiting`, { i18n: { key: "custody.approvalNotWaiting" } });
    await writeAudit(tx, { actor: actor(person), action: byMaker ? "ledger.reversal.withdraw" : "ledger.reversal.reject", outcome: "ok", targetType: "ledgerTransaction", targetId: String(r!.transactionId), detail: reason });
  });
}

export type WaitingReversal = { id: string; transactionId: string; operation: string; requestNo: string | null; reason: string; makerId: string; makerName: string; createdAt: Date };

export async function waitingReversals(db: Db): Promise<WaitingReversal[]> {
  const rows = await db.ledgerReversal.findMany({ where: { status: "WAITING" }, orderBy: { createdAt: "asc" }, take: 50, include: { transaction: { select: { operation: true, requestNo: true } } } });
  return rows.map((r) => ({ id: String(r.id), transactionId: String(r.transactionId), operation: r.transaction.operation, requestNo: r.transaction.requestNo, reason: r.reason, makerId: r.makerId, makerName: r.makerName, createdAt: r.createdAt }));
}
