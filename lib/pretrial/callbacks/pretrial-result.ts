import "server-only";
import type { InboundHandler } from "@/lib/inbox/handlers";
import { ZPretrialResultCallback } from "@/lib/vendors/wanwang/schemas";
import { toPlatformList } from "@/lib/vendors/wanwang/transform";
import { applyPretrialResult } from "../apply-result";
import { lockOrderByOutsideId } from "./find-order";

/** `pretrialResult`: the final answer — customer level, pass/fail, report, capital providers. */
export const handlePretrialResult: InboundHandler = async (tx, event, body) => {
  const cb = ZPretrialResultCallback.parse(JSON.parse(body));
  const order = await lockOrderByOutsideId(tx, cb.outsideOrderId);
  if (!order) return { status: "unmatched", reason: `unknown outsideOrderId ${cb.outsideOrderId}` };
  const platformData = toPlatformList(cb.platformData);
  // One timeline entry per inbound event, even when an admin re-runs it.
  await tx.pretrialEvent.createMany({
    skipDuplicates: true,
    data: {
      orderId: order.id,
      kind: "RESULT",
      data: { customerLevel: cb.customerLevel, pretrialStatus: cb.pretrialStatus, capitalCount: platformData.length, querySn: cb.querySn },
      occurredAt: event.receivedAt,
      inboundEventId: event.id,
    },
  });
  await applyPretrialResult(
    tx,
    { ...order, querySn: order.querySn ?? cb.querySn },
    { customerLevel: cb.customerLevel, pretrialStatus: cb.pretrialStatus, personReport: cb.personReport, errReason: null, platformData },
    event.receivedAt,
  );
  if (!order.querySn) await tx.pretrialOrder.update({ where: { id: order.id }, data: { querySn: cb.querySn } });
  return { status: "processed", targetType: "pretrialOrder", targetId: order.id };
};
