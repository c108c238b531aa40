import "server-only";
import { requestIp } from "@/lib/auth/request-ip";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { revealOrderIdentity } from "./reveal-identity";

/** Prefills a new order from a failed one (name, ID number and mobile are an audited reveal). */
export async function getRetryDefaults(db: DbOrTx, user: SessionUser, fromId: string) {
  const revealed = await revealOrderIdentity(db, user, fromId, "prefill of a new order", await requestIp());
  if (!revealed) return null;
  const { order, customerName, idNumber, mobile } = revealed;
  return {
    customerName,
    idNumber,
    mobile,
    dealerName: order.dealerName ?? undefined,
    retriedFromId: order.id,
    retriedFromRef: order.outsideOrderId,
  };
}
