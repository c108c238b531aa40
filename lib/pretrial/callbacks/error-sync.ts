import "server-only";
import type { InboundHandler } from "@/lib/inbox/handlers";
import { ZErrorSyncCallback } from "@/lib/vendors/wanwang/schemas";
import { advanceStatus } from "../status";
import { lockOrderByOutsideId } from "./find-order";

/** `errorSync`: the platform gave up on the order (e.g. 主体不存在). A result, if one ever comes, still wins. */
export const handleErrorSync: InboundHandler = async (tx, event, body) => {
  const cb = ZErrorSyncCallback.parse(JSON.parse(body));
  const order = await lockOrderByOutsideId(tx, cb.outsideOrderId);
  if (!order) return { status: "unmatched", reason: `unknown outsideOrderId ${cb.outsideOrderId}` };
  // One timeline entry per inbound event, even when an admin re-runs it.
  await tx.pretrialEvent.createMany({
    skipDuplicates: true,
    data: { orderId: order.id, kind: "ERROR_SYNC", message: cb.message, data: { querySn: cb.querySn }, occurredAt: event.receivedAt, inboundEventId: event.id },
  });
  await tx.pretrialOrder.update({
    where: { id: order.id },
    data: { status: advanceStatus(order.status, "ERROR"), errReason: cb.message, querySn: order.querySn ?? cb.querySn },
  });
  return { status: "processed", targetType: "pretrialOrder", targetId: order.id };
};
