import "server-only";
import type { InboundHandler } from "@/lib/inbox/handlers";
import { ZSignedCallback } from "@/lib/vendors/wanwang/schemas";
import { signedTypeLabel } from "@/lib/vendors/wanwang/transform";
import { advanceStatus, SIGNED_TYPE_STATUS } from "../status";
import { lockOrderByOutsideId } from "./find-order";

/**
 * `signed` progress (type 0 signed … 3 big-data result). Always added to the timeline; moves
 * the status only forward, so a late type 0 after the result changes nothing else.
 */
export const handleSigned: InboundHandler = async (tx, event, body) => {
  const cb = ZSignedCallback.parse(JSON.parse(body));
  const order = await lockOrderByOutsideId(tx, cb.outsideOrderId);
  if (!order) return { status: "unmatched", reason: `unknown outsideOrderId ${cb.outsideOrderId}` };
  // One timeline entry per inbound event, even when an admin re-runs it.
  await tx.pretrialEvent.createMany({
    skipDuplicates: true,
    data: {
      orderId: order.id,
      kind: "SIGNED",
      signedType: cb.type,
      message: cb.message,
      data: { typeDesc: cb.typeDesc ?? signedTypeLabel(cb.type), reuseFlag: cb.reuseFlag, querySn: cb.querySn },
      occurredAt: new Date(cb.time),
      inboundEventId: event.id,
    },
  });
  const candidate = SIGNED_TYPE_STATUS[cb.type];
  await tx.pretrialOrder.update({
    where: { id: order.id },
    data: {
      status: candidate ? advanceStatus(order.status, candidate) : order.status,
      signedType: Math.max(order.signedType ?? -1, cb.type),
      querySn: order.querySn ?? cb.querySn,
    },
  });
  return { status: "processed", targetType: "pretrialOrder", targetId: order.id };
};
