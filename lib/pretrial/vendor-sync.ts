import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { wanwangConfig } from "@/lib/vendors/config";
import { createWanwangClient } from "@/lib/vendors/wanwang/client";
import { toPlatformList } from "@/lib/vendors/wanwang/transform";
import { applyPretrialResult } from "./apply-result";
import { lockOrderByQuerySn } from "./callbacks/find-order";

/**
 * Asks 万网 for the order's result (`resultQuery`) and records it exactly as the callback
 * would — for a missed callback, or an operator who wants to be sure.
 */
export async function refreshFromResultQuery(db: Db, orderId: string, account: string) {
  const order = await db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
  if (!order.querySn) throw new AppError("INVALID_STATE", "order has no querySn yet");
  const data = await createWanwangClient(wanwangConfig()).resultQuery(order.querySn, { account });
  const now = new Date();
  return db.$transaction(async (tx) => {
    const locked = await lockOrderByQuerySn(tx, order.querySn!);
    if (!locked) throw new AppError("NOT_FOUND", `order ${orderId}`);
    const platformData = toPlatformList(data.platformData);
    const hasResult = data.pretrialStatus === 0 || data.pretrialStatus === 1;
    await tx.pretrialEvent.create({
      data: {
        orderId,
        kind: "RESULT_QUERY",
        message: hasResult ? null : (data.errReason ?? null),
        data: { customerLevel: data.customerLevel, pretrialStatus: data.pretrialStatus, capitalCount: platformData.length, hasResult },
        occurredAt: now,
      },
    });
    if (hasResult) {
      await applyPretrialResult(
        tx,
        locked,
        { customerLevel: data.customerLevel, pretrialStatus: data.pretrialStatus, personReport: data.personReport, errReason: data.errReason, platformData },
        now,
      );
    } else if (data.contractUrl && !locked.contractUrl) {
      await tx.pretrialOrder.update({ where: { id: orderId }, data: { contractUrl: data.contractUrl } });
    }
    return { hasResult };
  });
}

/** Asks 万网 to push the result callback again (`pushOutside`). */
export async function requestPushOutside(db: Db, orderId: string, account: string) {
  const order = await db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
  if (!order.querySn) throw new AppError("INVALID_STATE", "order has no querySn yet");
  const accepted = await createWanwangClient(wanwangConfig()).pushOutside(order.querySn, { account });
  await db.pretrialEvent.create({ data: { orderId, kind: "PUSH_REQUESTED", data: { accepted }, occurredAt: new Date() } });
  return { accepted };
}
