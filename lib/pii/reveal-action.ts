"use server";

import { writeAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authActionClient } from "@/lib/safe-action";
import { z } from "@/lib/validation";
import { REVEALERS } from "./revealers";

/**
 * Reveals one masked value to a role that needs it (design.md §5). Every reveal, and every
 * refused attempt, is in the audit log; the value itself never is.
 */
export const revealPiiAction = authActionClient
  .metadata({ name: "pii.reveal" })
  .inputSchema(
    z.object({
      targetType: z.string().min(1).max(64),
      targetId: z.string().min(1).max(64),
      field: z.string().min(1).max(64),
      /** Why the user needs the clear value; kept in the audit row. Required where the revealer says so. */
      reason: z.string().trim().max(200).optional(),
    }),
  )
  .action(async ({ parsedInput: { targetType, targetId, field, reason }, ctx }) => {
    const db = getDb();
    const actor = { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role };
    const revealer = Object.hasOwn(REVEALERS, targetType) ? REVEALERS[targetType] : undefined;
    if (!revealer || !revealer.fields.includes(field)) throw new AppError("NOT_FOUND", `nothing to reveal at ${targetType}.${field}`);
    if (!revealer.roles.includes(ctx.user.role)) {
      await writeAudit(db, { actor, action: "pii.reveal", outcome: "denied", targetType, targetId, detail: field, ip: ctx.ip });
      throw new AppError("FORBIDDEN", `${ctx.user.role} may not reveal ${targetType}.${field}`);
    }
    if (revealer.requiresReason && (reason ?? "").length < 2) {
      throw new AppError("VALIDATION", "a reason is required", { fieldErrors: { reason: ["revealReason"] } });
    }
    const value = await revealer.reveal(db, targetId, field, ctx.user);
    if (value === null) throw new AppError("NOT_FOUND", `${targetType} ${targetId}`);
    const detail = reason ? `${field} — ${reason}` : field;
    await writeAudit(db, { actor, action: "pii.reveal", outcome: "ok", targetType, targetId, detail, ip: ctx.ip });
    return { value };
  });
