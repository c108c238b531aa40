import "server-only";
import { writeAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { decryptPii } from "@/lib/pii/vault";
import { orderScope } from "./access";

/**
 * Prefills a new order from a failed one. The ID number and mobile are decrypted for the
 * officer who may act on that order — a reveal, so it is audited like one.
 */
export async function getRetryDefaults(db: DbOrTx, user: SessionUser, fromId: string) {
  const order = await db.pretrialOrder.findFirst({ where: { AND: [{ id: fromId }, orderScope(user)] } });
  if (!order) return null;
  await writeAudit(db, {
    actor: { id: user.id, name: user.username, role: user.role },
    action: "pii.reveal",
    outcome: "ok",
    targetType: "pretrialOrder",
    targetId: order.id,
    detail: "idNumber,mobile (prefill of a new order)",
  });
  return {
    customerName: order.customerName,
    idNumber: decryptPii(order.idNumberEnc),
    mobile: decryptPii(order.mobileEnc),
    dealerName: order.dealerName ?? undefined,
    retriedFromId: order.id,
    retriedFromRef: order.outsideOrderId,
  };
}
