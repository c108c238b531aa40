import "server-only";
import { writeAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { decryptPii } from "@/lib/pii/vault";
import { orderScope } from "@/lib/pretrial/access";

/**
 * Prefills the applicant profile from a pretrial order the user may see. Decrypting the ID
 * number and mobile into the form is a reveal, audited as one.
 */
export async function getProfilePrefill(db: DbOrTx, user: SessionUser, orderId: string) {
  const order = await db.pretrialOrder.findFirst({ where: { AND: [{ id: orderId }, orderScope(user)] } });
  if (!order) return null;
  await writeAudit(db, {
    actor: { id: user.id, name: user.username, role: user.role },
    action: "pii.reveal",
    outcome: "ok",
    targetType: "pretrialOrder",
    targetId: order.id,
    detail: "idNumber,mobile (prefill of a risk profile)",
  });
  return {
    pretrialOrderId: order.id,
    orderRef: order.outsideOrderId,
    realName: order.customerName,
    idNumber: decryptPii(order.idNumberEnc),
    mobile: decryptPii(order.mobileEnc),
  };
}
