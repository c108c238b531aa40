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
  .inputSchema(z.object({ targetType: z.string().min(1).max(64), targetId: z.string().min(1).max(64), field: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { targetType, targetId, field }, ctx }) => {
    const db = getDb();
    const actor = { id: ctx.user.id, name: ctx.user.username, role: ctx.user.role };
    const revealer = Object.hasOwn(REVEALERS, targetType) ? REVEALERS[targetType] : undefined;
    if (!revealer || !revealer.fields.includes(field)) throw new AppError("NOT_FOUND", `nothing to reveal at ${targetType}.${field}`);
    if (!revealer.roles.includes(ctx.user.role)) {
      await writeAudit(db, { actor, action: "pii.reveal", outcome: "denied", targetType, targetId, detail: field, ip: ctx.ip });
      throw new AppError("FORBIDDEN", `${ctx.user.role} may not reveal ${targetType}.${field}`);
    }
    const value = await revealer.reveal(db, targetId, field, ctx.user);
    if (value === null) throw new AppError("NOT_FOUND", `${targetType} ${targetId}`);
    await writeAudit(db, { actor, action: "pii.reveal", outcome: "ok", targetType, targetId, detail: field, ip: ctx.ip });
    return { value };
  });
