import "server-only";
import type { InboundHandler } from "@/lib/inbox/handlers";
import { ZWechatShareCallback } from "@/lib/vendors/wanwang/schemas";
import { lockOrderByQuerySn } from "./find-order";

/** `wechatShare`: the mini-program share code of the signing link; it names the order by querySn only. */
export const handleWechatShare: InboundHandler = async (tx, event, body) => {
  const cb = ZWechatShareCallback.parse(JSON.parse(body));
  const order = await lockOrderByQuerySn(tx, cb.querySn);
  if (!order) return { status: "unmatched", reason: `unknown querySn ${cb.querySn}` };
  // One timeline entry per inbound event, even when an admin re-runs it.
  await tx.pretrialEvent.createMany({
    skipDuplicates: true,
    data: { orderId: order.id, kind: "WECHAT_SHARE", data: { markId: cb.markId, wechatShareUrl: cb.wechatShareUrl }, occurredAt: event.receivedAt, inboundEventId: event.id },
  });
  await tx.pretrialOrder.update({
    where: { id: order.id },
    data: { wechatShareUrl: cb.wechatShareUrl, markId: cb.markId, contractUrl: order.contractUrl ?? cb.contractUrl },
  });
  return { status: "processed", targetType: "pretrialOrder", targetId: order.id };
};
