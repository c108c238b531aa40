import "server-only";
import { writeAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { decryptOptionalPii, decryptPii } from "@/lib/pii/vault";
import { orderScope } from "./access";

/**
 * An order's customer name, ID number and mobile in clear, for a user who may see the order — to prefill a
 * form (a new order from a failed one, a risk profile). That is a reveal, audited as one, with
 * the caller's address like every other reveal.
 */
export async function revealOrderIdentity(db: DbOrTx, user: SessionUser, orderId: string, purpose: string, ip: string) {
  const order = await db.pretrialOrder.findFirst({ where: { AND: [{ id: orderId }, orderScope(user)] } });
  if (!order) return null;
  await writeAudit(db, {
    actor: { id: user.id, name: user.username, role: user.role },
    action: "pii.reveal",
    outcome: "ok",
    targetType: "pretrialOrder",
    targetId: order.id,
    detail: `customerName,idNumber,mobile (${purpose})`,
    ip,
  });
  return { order, customerName: decryptOptionalPii(order.customerNameEnc), idNumber: decryptPii(order.idNumberEnc), mobile: decryptPii(order.mobileEnc) };
}
