import "server-only";
import type pg from "pg";
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

/**
 * The same row through a `pg` client, for work that runs in a `pg` transaction (reconciliation):
 * masked the same way, so this door does not let personal data through either.
 */
export async function writeAuditRow(c: pg.PoolClient | pg.Client, entry: AuditEntry): Promise<void> {
  const json = (v: unknown) => {
    const masked = toJson(v);
    return masked === undefined ? null : JSON.stringify(masked);
  };
  await c.query(
    `INSERT INTO audit_logs (actor_id, actor_name, actor_role, action, outcome, target_type, target_id, before, after, detail, ip, request_id)
     VALUES ($1, $2, $3::"Role", $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12)`,
    [
      entry.actor?.id ?? null,
      entry.actor?.name ?? null,
      entry.actor?.role ?? null,
      entry.action,
      entry.outcome,
      entry.targetType ?? null,
      entry.targetId ?? null,
      json(entry.before),
      json(entry.after),
      entry.detail === undefined ? null : maskPiiInText(entry.detail),
      entry.ip ?? null,
      entry.requestId ?? null,
    ],
  );
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return maskPiiInObject(JSON.parse(JSON.stringify(value))) as Prisma.InputJsonValue;
}
