"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { roleActionClient } from "@/lib/safe-action";
import { createRiskCaseClient } from "@/lib/vendors/risk-case/client";
import { z } from "@/lib/validation";
import { RISK_CASE_ROLES } from "./access";
import { lookupRiskCase } from "./lookup";
import { deleteFilter, saveFilter } from "./saved-filters";
import {
  ZAddNoteInput, ZBulkAssignInput, ZBulkCloseInput, ZDeleteFilterInput, ZEscalateCaseInput, ZLookupInput, ZNameCodeInput, ZSaveFilterInput,
  ZSetCaseStatusInput, ZSnoozeCaseInput, ZTakeCaseInput,
} from "./schemas";
import { addCaseNote, assignCases, closeCases, escalateCase, setCaseStatus, snoozeCase, takeCase } from "./workflow";
import { parseBeijingDateTime } from "@/lib/format/dates";

/**
 * The case desk's actions (house-style rule 2): analysts and admins only, every one audited —
 * single-case actions in the chain's row (before → after), bulk ones also a row per case.
 */
const client = roleActionClient(RISK_CASE_ROLES);
const actorOf = (u: { id: string; username: string; role: "ADMIN" | "RISK_ANALYST" | "LOAN_OFFICER" | "FINANCE" }) => ({ id: u.id, name: u.username, role: u.role });
const touched = (id?: string) => {
  revalidatePath("/risk-cases");
  if (id) revalidatePath(`/risk-cases/${id}`);
};

export const takeCaseAction = client
  .metadata({ name: "riskCase.take" })
  .inputSchema(ZTakeCaseInput)
  .action(async ({ parsedInput, ctx }) => {
    const { after, audit } = await takeCase(getDb(), actorOf(ctx.user), parsedInput.caseId, parsedInput.version);
    ctx.audit(audit);
    touched(after.id);
    return { version: after.version };
  });

export const setCaseStatusAction = client
  .metadata({ name: "riskCase.setStatus" })
  .inputSchema(ZSetCaseStatusInput)
  .action(async ({ parsedInput, ctx }) => {
    const { after, audit } = await setCaseStatus(getDb(), parsedInput);
    ctx.audit(audit);
    touched(after.id);
    return { version: after.version };
  });

export const snoozeCaseAction = client
  .metadata({ name: "riskCase.snooze" })
  .inputSchema(ZSnoozeCaseInput)
  .action(async ({ parsedInput, ctx }) => {
    // A snooze date is a Beijing day: the case wakes at its start.
    const until = parsedInput.until ? parseBeijingDateTime(`${parsedInput.until} 00:00:00`) : null;
    const { after, audit } = await snoozeCase(getDb(), { caseId: parsedInput.caseId, version: parsedInput.version, until });
    ctx.audit(audit);
    touched(after.id);
    return { version: after.version };
  });

export const escalateCaseAction = client
  .metadata({ name: "riskCase.escalate" })
  .inputSchema(ZEscalateCaseInput)
  .action(async ({ parsedInput, ctx }) => {
    const { after, audit } = await escalateCase(getDb(), actorOf(ctx.user), parsedInput);
    ctx.audit(audit);
    touched(after.id);
    return { version: after.version };
  });

export const addCaseNoteAction = client
  .metadata({ name: "riskCase.note" })
  .inputSchema(ZAddNoteInput)
  .action(async ({ parsedInput, ctx }) => {
    const note = await addCaseNote(getDb(), actorOf(ctx.user), parsedInput);
    ctx.audit({ targetType: "riskCase", targetId: parsedInput.caseId, detail: `note ${note.id}` });
    touched(parsedInput.caseId);
    return { id: String(note.id) };
  });

export const bulkAssignAction = client
  .metadata({ name: "riskCase.bulkAssign" })
  .inputSchema(ZBulkAssignInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await assignCases(getDb(), actorOf(ctx.user), parsedInput);
    ctx.audit({ targetType: "riskCase", detail: `${result.changed} assigned, ${result.skipped} skipped`, after: { assigneeId: parsedInput.assigneeId } });
    touched();
    return result;
  });

export const bulkCloseAction = client
  .metadata({ name: "riskCase.bulkClose" })
  .inputSchema(ZBulkCloseInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await closeCases(getDb(), actorOf(ctx.user), parsedInput);
    ctx.audit({ targetType: "riskCase", detail: `${result.changed} closed, ${result.skipped} skipped`, after: { conclusion: parsedInput.conclusion } });
    touched();
    return result;
  });

/** Starts a window sync on the worker; the page follows its progress at GET /api/risk-cases/sync. */
export const startSyncAction = client
  .metadata({ name: "riskCase.sync" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    await enqueue("risk-case.sync", { trigger: "manual", userId: ctx.user.id });
    ctx.audit({ detail: "manual sync requested" });
    return { queued: true };
  });

export const lookupCaseAction = client
  .metadata({ name: "riskCase.lookup" })
  .inputSchema(ZLookupInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await lookupRiskCase(getDb(), createRiskCaseClient(), parsedInput.query);
    ctx.audit({ targetType: "riskCase", targetId: result.kind === "case" ? result.id : undefined, detail: `${result.kind}${"fromVendor" in result && result.fromVendor ? " (from vendor)" : ""}` });
    if ("fromVendor" in result && result.fromVendor) touched();
    return result;
  });

export const saveFilterAction = client
  .metadata({ name: "riskCase.saveFilter" })
  .inputSchema(ZSaveFilterInput)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveFilter(getDb(), ctx.user.id, parsedInput.name, parsedInput.query);
    ctx.audit({ targetType: "riskCaseFilter", targetId: saved.id, after: saved });
    touched();
    return saved;
  });

export const deleteFilterAction = client
  .metadata({ name: "riskCase.deleteFilter" })
  .inputSchema(ZDeleteFilterInput)
  .action(async ({ parsedInput, ctx }) => {
    await deleteFilter(getDb(), ctx.user.id, parsedInput.id);
    ctx.audit({ targetType: "riskCaseFilter", targetId: parsedInput.id });
    touched();
    return { ok: true };
  });

/** Admins name vendor codes the document leaves unexplained. */
export const nameCodeAction = roleActionClient(["ADMIN"])
  .metadata({ name: "riskCase.nameCode" })
  .inputSchema(ZNameCodeInput)
  .action(async ({ parsedInput, ctx }) => {
    const db = getDb();
    const before = await db.riskCaseCodeName.findUnique({ where: { field_code: { field: parsedInput.field, code: parsedInput.code } } });
    const after = await db.riskCaseCodeName.upsert({
      where: { field_code: { field: parsedInput.field, code: parsedInput.code } },
      create: { ...parsedInput, updatedById: ctx.user.id },
      update: { nameZh: parsedInput.nameZh, nameEn: parsedInput.nameEn, updatedById: ctx.user.id },
    });
    ctx.audit({ targetType: "riskCaseCode", targetId: `${parsedInput.field}:${parsedInput.code}`, before: before && { nameZh: before.nameZh, nameEn: before.nameEn }, after: { nameZh: after.nameZh, nameEn: after.nameEn } });
    touched();
    return { ok: true };
  });
