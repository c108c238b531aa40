import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RiskCaseConclusion, RiskCaseStatus } from "@/lib/generated/prisma/client";
import { canMoveCase } from "./status";

/**
 * Our work on cases: take / assign, status moves, close with a conclusion, snooze, escalate,
 * append-only notes. Only workflow columns are written, so nothing here fights the sync. Each
 * single-case change names the `version` the analyst saw: a change made meanwhile by someone
 * else is refused (CONFLICT) rather than silently overwritten. Bulk changes skip cases they
 * may not change and say how many. Every change is audited once per case: single-case actions
 * hand before → after to the action chain's row, bulk ones write a row per changed case.
 */

type Actor = NonNullable<AuditActor>;
const WORKFLOW_SELECT = { id: true, caseNo: true, status: true, assigneeId: true, conclusion: true, snoozedUntil: true, escalatedAt: true, escalatedToId: true, version: true } as const;
type WorkflowState = {
  id: string; caseNo: string; status: RiskCaseStatus; assigneeId: string | null; conclusion: RiskCaseConclusion | null; snoozedUntil: Date | null; escalatedAt: Date | null;
  escalatedToId: string | null; version: number;
};

async function loadForChange(tx: Tx, caseId: string, version: number | undefined): Promise<WorkflowState> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM risk_cases WHERE id = ${caseId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", `risk case ${caseId}`);
  const c = (await tx.riskCase.findUniqueOrThrow({ where: { id: caseId }, select: WORKFLOW_SELECT })) as WorkflowState;
  if (version !== undefined && c.version !== version) throw new AppError("CONFLICT", `risk case ${caseId} changed meanwhile (version ${c.version}, seen ${version})`);
  return c;
}

const shown = (c: Partial<WorkflowState>) => ({ status: c.status, assigneeId: c.assigneeId, conclusion: c.conclusion, snoozedUntil: c.snoozedUntil?.toISOString() ?? null, escalatedAt: c.escalatedAt?.toISOString() ?? null, escalatedToId: c.escalatedToId });

/** What a single-case action records in its one audit row (the action chain writes it). */
export type CaseChange = { after: WorkflowState; audit: { targetType: "riskCase"; targetId: string; before: unknown; after: unknown; detail?: string } };

async function apply(tx: Tx, before: WorkflowState, data: Record<string, unknown>, detail?: string): Promise<CaseChange> {
  const after = (await tx.riskCase.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 }, workflowUpdatedAt: new Date() }, select: WORKFLOW_SELECT })) as WorkflowState;
  return { after, audit: { targetType: "riskCase", targetId: before.id, before: shown(before), after: shown(after), detail } };
}

/** Bulk changes: one audit row per changed case, besides the action's summary row. */
async function applyAudited(tx: Tx, actor: Actor, action: string, before: WorkflowState, data: Record<string, unknown>, detail?: string) {
  const change = await apply(tx, before, data, detail);
  await writeAudit(tx, { actor, action, outcome: "ok", ...change.audit });
  return change.after;
}

async function userMayHoldCases(tx: Tx, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
  if (!u || u.disabled || (u.role !== "RISK_ANALYST" && u.role !== "ADMIN")) throw new AppError("VALIDATION", "the assignee must be an active analyst or admin", { fieldErrors: { assigneeId: ["riskCaseBadAssignee"] } });
}

/** Take a case: it becomes mine, and a new case moves to investigating. */
export function takeCase(db: Db, actor: Actor, caseId: string, version: number) {
  return db.$transaction(async (tx) => {
    const c = await loadForChange(tx, caseId, version);
    if (c.status === "CLOSED") throw new AppError("INVALID_STATE", "a closed case cannot be taken; reopen it first");
    return apply(tx, c, { assigneeId: actor.id, ...(c.status === "NEW" ? { status: "INVESTIGATING" } : {}) });
  });
}

export function setCaseStatus(db: Db, input: { caseId: string; version: number; status: RiskCaseStatus; conclusion?: RiskCaseConclusion; conclusionNote?: string }) {
  return db.$transaction(async (tx) => {
    const c = await loadForChange(tx, input.caseId, input.version);
    if (!canMoveCase(c.status, input.status)) throw new AppError("INVALID_STATE", `a ${c.status} case cannot become ${input.status}`);
    if (input.status === "CLOSED") {
      if (!input.conclusion) throw new AppError("VALIDATION", "closing needs a conclusion", { fieldErrors: { conclusion: ["required"] } });
      return apply(tx, c, { status: "CLOSED", conclusion: input.conclusion, conclusionNote: input.conclusionNote || null, closedAt: new Date(), snoozedUntil: null }, input.conclusion);
    }
    const reopening = c.status === "CLOSED";
    return apply(tx, c, { status: input.status, ...(reopening ? { conclusion: null, conclusionNote: null, closedAt: null } : {}) });
  });
}

export function snoozeCase(db: Db, input: { caseId: string; version: number; until: Date | null }, now = new Date()) {
  if (input.until && input.until.getTime() <= now.getTime()) throw new AppError("VALIDATION", "snooze until a future date", { fieldErrors: { until: ["riskCaseSnoozePast"] } });
  return db.$transaction(async (tx) => {
    const c = await loadForChange(tx, input.caseId, input.version);
    if (c.status === "CLOSED") throw new AppError("INVALID_STATE", "a closed case cannot be snoozed");
    return apply(tx, c, { snoozedUntil: input.until });
  });
}

/**
 * Escalate to a named admin: the case lands on their "escalated to me" list and workbench
 * to-do, with who escalated it and why. A snoozed case wakes up — an escalation wants eyes now.
 */
export function escalateCase(db: Db, actor: Actor, input: { caseId: string; version: number; toId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const to = await tx.user.findUnique({ where: { id: input.toId }, select: { role: true, disabled: true } });
    if (!to || to.disabled || to.role !== "ADMIN") throw new AppError("VALIDATION", "escalate to an active admin", { fieldErrors: { toId: ["riskCaseBadEscalationTarget"] } });
    const c = await loadForChange(tx, input.caseId, input.version);
    if (c.status === "CLOSED") throw new AppError("INVALID_STATE", "a closed case cannot be escalated");
    if (c.escalatedAt) throw new AppError("INVALID_STATE", "the case is already escalated");
    return apply(tx, c, { escalatedAt: new Date(), escalationReason: input.reason, escalatedById: actor.id, escalatedToId: input.toId, snoozedUntil: null }, input.reason);
  });
}

/** Notes are append-only (a trigger refuses edits); the note itself is the record, the audit row says who. */
export async function addCaseNote(db: Db, actor: Actor, input: { caseId: string; body: string }) {
  return db.$transaction(async (tx) => {
    const exists = await tx.riskCase.findUnique({ where: { id: input.caseId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", `risk case ${input.caseId}`);
    const note = await tx.riskCaseNote.create({ data: { caseId: input.caseId, authorId: actor.id, body: input.body } });
    await tx.riskCase.update({ where: { id: input.caseId }, data: { workflowUpdatedAt: new Date() } });
    return note;
  });
}

/** Bulk assign (or unassign with null). Closed cases are skipped. */
export function assignCases(db: Db, actor: Actor, input: { caseIds: string[]; assigneeId: string | null }) {
  return db.$transaction(async (tx) => {
    if (input.assigneeId) await userMayHoldCases(tx, input.assigneeId);
    let changed = 0;
    let skipped = 0;
    for (const id of [...new Set(input.caseIds)]) {
      const c = await loadForChange(tx, id, undefined).catch((e: unknown) => (e instanceof AppError && e.code === "NOT_FOUND" ? null : Promise.reject(e)));
      if (!c || c.status === "CLOSED" || c.assigneeId === input.assigneeId) {
        skipped++;
        continue;
      }
      await applyAudited(tx, actor, "riskCase.assign", c, { assigneeId: input.assigneeId });
      changed++;
    }
    return { changed, skipped };
  });
}

/** Bulk close with one conclusion. Cases already closed are skipped. */
export function closeCases(db: Db, actor: Actor, input: { caseIds: string[]; conclusion: RiskCaseConclusion; conclusionNote?: string }) {
  return db.$transaction(async (tx) => {
    let changed = 0;
    let skipped = 0;
    for (const id of [...new Set(input.caseIds)]) {
      const c = await loadForChange(tx, id, undefined).catch((e: unknown) => (e instanceof AppError && e.code === "NOT_FOUND" ? null : Promise.reject(e)));
      if (!c || c.status === "CLOSED") {
        skipped++;
        continue;
      }
      await applyAudited(tx, actor, "riskCase.close", c, { status: "CLOSED", conclusion: input.conclusion, conclusionNote: input.conclusionNote || null, closedAt: new Date(), snoozedUntil: null }, input.conclusion);
      changed++;
    }
    return { changed, skipped };
  });
}
