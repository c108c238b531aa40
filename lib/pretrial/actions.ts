"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roleActionClient } from "@/lib/safe-action";
import { orderScope, PRETRIAL_WRITE_ROLES } from "./access";
import { ZOrderIdInput } from "./schemas";
import { submitPretrialOrder } from "./service";
import { refreshFromResultQuery, requestPushOutside } from "./vendor-sync";
import type { SessionUser } from "@/lib/auth/session";

const writeAction = roleActionClient(PRETRIAL_WRITE_ROLES);

async function getOwnedOrderOrThrow(user: SessionUser, orderId: string) {
  const order = await getDb().pretrialOrder.findFirst({ where: { AND: [{ id: orderId }, orderScope(user)] }, select: { id: true, status: true, outsideOrderId: true } });
  if (!order) throw new AppError("NOT_FOUND", `pretrial order ${orderId}`);
  return order;
}

/** Retries `netCredit` for an order stuck in SUBMITTING — same outsideOrderId, never a second order. */
export const retrySubmitAction = writeAction
  .metadata({ name: "pretrial.retrySubmit" })
  .inputSchema(ZOrderIdInput)
  .action(async ({ parsedInput, ctx }) => {
    const before = await getOwnedOrderOrThrow(ctx.user, parsedInput.orderId);
    if (before.status !== "SUBMITTING") throw new AppError("INVALID_STATE", `order is ${before.status}`);
    const after = await submitPretrialOrder(getDb(), before.id, ctx.user.username);
    ctx.audit({ targetType: "pretrialOrder", targetId: before.id, before: { status: before.status }, after: { status: after.status } });
    revalidatePath(`/pretrial/${before.id}`);
    return { status: after.status, lastError: after.lastError };
  });

export const refreshResultAction = writeAction
  .metadata({ name: "pretrial.refreshResult" })
  .inputSchema(ZOrderIdInput)
  .action(async ({ parsedInput, ctx }) => {
    const order = await getOwnedOrderOrThrow(ctx.user, parsedInput.orderId);
    const result = await refreshFromResultQuery(getDb(), order.id, ctx.user.username);
    ctx.audit({ targetType: "pretrialOrder", targetId: order.id, detail: result.hasResult ? "result recorded" : "no result yet" });
    revalidatePath(`/pretrial/${order.id}`);
    return result;
  });

export const pushOutsideAction = writeAction
  .metadata({ name: "pretrial.pushOutside" })
  .inputSchema(ZOrderIdInput)
  .action(async ({ parsedInput, ctx }) => {
    const order = await getOwnedOrderOrThrow(ctx.user, parsedInput.orderId);
    const result = await requestPushOutside(getDb(), order.id, ctx.user.username);
    ctx.audit({ targetType: "pretrialOrder", targetId: order.id, detail: result.accepted ? "re-push accepted" : "re-push refused" });
    revalidatePath(`/pretrial/${order.id}`);
    return result;
  });
