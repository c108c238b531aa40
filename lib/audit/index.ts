import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskPiiInObject, maskPiiInText } from "@/lib/pii/mask";
import type { Role } from "@/lib/auth/roles";

export type AuditActor = { id: string; name: string; role: Role } | null;

export type AuditEntry = {
  actor: AuditActor;
  /** Dotted verb, e.g. `user.create`, `pii.reveal`, `inbox.rerun`. */
  action: string;
  outcome: "ok" | "denied" | "error";
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  detail?: string;
  ip?: string;
  requestId?: string;
};

/**
 * Appends one row to the audit log. Values are masked here, at the single door into the
 * table, so no caller can write an ID number, mobile or card number in clear.
 */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actor?.id,
      actorName: entry.actor?.name,
      actorRole: entry.actor?.role,
      action: entry.action,
      outcome: entry.outcome,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      detail: entry.detail === undefined ? undefined : maskPiiInText(entry.detail),
      ip: entry.ip,
      requestId: entry.requestId,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return maskPiiInObject(JSON.parse(JSON.stringify(value))) as Prisma.InputJsonValue;
}
