import "server-only";
import type { DbOrTx } from "@/lib/db";
import { startOfBeijingDay } from "@/lib/format/dates";


export async function getInboxCardStats(db: DbOrTx) {
  const since = startOfBeijingDay();
  const [today, attention] = await Promise.all([
    db.inboundEvent.count({ where: { receivedAt: { gte: since } } }),
    db.inboundEvent.count({ where: { status: { in: ["UNMATCHED", "FAILED"] } } }),
  ]);
  return { today, attention };
}

export async function getAuditCardStats(db: DbOrTx) {
  const since = startOfBeijingDay();
  const [today, denied] = await Promise.all([
    db.auditLog.count({ where: { at: { gte: since } } }),
    db.auditLog.count({ where: { at: { gte: since }, outcome: "denied" } }),
  ]);
  return { today, denied };
}

export async function getUsersCardStats(db: DbOrTx) {
  const [active, disabled] = await Promise.all([db.user.count({ where: { disabled: false } }), db.user.count({ where: { disabled: true } })]);
  return { active, disabled };
}
