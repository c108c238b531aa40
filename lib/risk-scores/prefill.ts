import "server-only";
import { requestIp } from "@/lib/auth/request-ip";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { revealOrderIdentity } from "@/lib/pretrial/reveal-identity";

/** Prefills the applicant profile from a pretrial order (name, ID number and mobile are an audited reveal). */
export async function getProfilePrefill(db: DbOrTx, user: SessionUser, orderId: string) {
  const revealed = await revealOrderIdentity(db, user, orderId, "prefill of a risk profile", await requestIp());
  if (!revealed) return null;
  const { order, customerName, idNumber, mobile } = revealed;
  return { pretrialOrderId: order.id, orderRef: order.outsideOrderId, realName: customerName, idNumber, mobile };
}
