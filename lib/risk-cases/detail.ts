import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { assertRiskCaseReader } from "./access";

/**
 * One case for its page: every vendor field (personal ones masked), our workflow, the
 * vendor-side history, notes and the audit trail of the case. Encrypted columns and the raw
 * record never leave the server here.
 */
export async function getRiskCaseForUser(db: DbOrTx, user: SessionUser, id: string) {
  assertRiskCaseReader(user);
  const c = await db.riskCase.findUnique({
    where: { id },
    omit: { legalPersonEnc: true, legalPersonIdx: true, legalPhoneEnc: true, legalPhoneIdx: true, cardNoEnc: true, cardNoIdx: true, rawEnc: true },
  });
  if (!c) return null;
  const [changes, notes, audit, assignee] = await Promise.all([
    db.riskCaseChange.findMany({ where: { caseId: id }, orderBy: { seenAt: "desc" }, take: 100 }),
    db.riskCaseNote.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } }),
    db.auditLog.findMany({ where: { targetType: "riskCase", targetId: id }, orderBy: { at: "desc" }, take: 100, select: { id: true, at: true, actorName: true, action: true, outcome: true, detail: true, before: true, after: true } }),
    c.assigneeId ? db.user.findUnique({ where: { id: c.assigneeId }, select: { id: true, displayName: true } }) : null,
  ]);
  // Note authors and the two people of an escalation (who raised it, the admin it went to).
  const peopleIds = [...new Set([...notes.map((n) => n.authorId), c.escalatedById, c.escalatedToId].filter((x): x is string => Boolean(x)))];
  const people = new Map((await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const authors = people;
  return {
    case: c,
    assignee,
    escalation: c.escalatedAt
      ? { at: c.escalatedAt, reason: c.escalationReason, by: (c.escalatedById && people.get(c.escalatedById)) ?? null, to: (c.escalatedToId && people.get(c.escalatedToId)) ?? null, toId: c.escalatedToId }
      : null,
    changes: changes.map((ch) => ({ id: String(ch.id), seenAt: ch.seenAt, changes: ch.changes as Array<{ field: string; before?: unknown; after?: unknown; changed?: true }> })),
    notes: notes.map((n) => ({ id: String(n.id), body: n.body, createdAt: n.createdAt, author: authors.get(n.authorId) ?? "—" })),
    audit: audit.map((a) => ({ ...a, id: String(a.id) })),
  };
}
export type RiskCaseDetail = NonNullable<Awaited<ReturnType<typeof getRiskCaseForUser>>>;

export async function findCaseIdByNo(db: DbOrTx, caseNo: string) {
  return (await db.riskCase.findUnique({ where: { caseNo }, select: { id: true } }))?.id ?? null;
}
