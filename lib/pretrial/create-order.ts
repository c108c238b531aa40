import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { saveFile } from "@/lib/files/store";
import { readImageField } from "@/lib/files/upload";
import { orderScope } from "./access";
import { ZPretrialOrderInput } from "./schemas";
import { createPretrialOrder, submitPretrialOrder } from "./service";

export type CreateOrderOutcome =
  | { ok: true; orderId: string; created: boolean }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * The new-order form (multipart: text fields + two photos). Everything is checked before
 * anything is stored: bad input stores nothing and sends nothing. A double submit (same
 * idempotency key) returns the first order. A new order started from a failed one may reuse
 * its photos.
 */
export async function createOrderFromForm(db: Db, user: SessionUser, form: FormData, ip: string): Promise<CreateOrderOutcome> {
  const fields = Object.fromEntries(["idempotencyKey", "customerName", "idNumber", "mobile", "dealerName", "retriedFromId"].map((k) => [k, form.get(k) ?? undefined]));
  const parsed = ZPretrialOrderInput.safeParse(fields);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  }
  const existing = parsed.success ? await db.pretrialOrder.findUnique({ where: { idempotencyKey: parsed.data.idempotencyKey }, select: { id: true } }) : null;
  if (existing) return { ok: true, orderId: existing.id, created: false };

  const source = parsed.success && parsed.data.retriedFromId
    ? await db.pretrialOrder.findFirst({ where: { AND: [{ id: parsed.data.retriedFromId }, orderScope(user)] }, select: { photoFrontId: true, photoBackId: true } })
    : null;
  const front = await readImageField(form, "photoFront");
  const back = await readImageField(form, "photoBack");
  if (!front.ok && !(front.reason === "missing" && source)) fieldErrors.photoFront = [`photo.${front.reason}`];
  if (!back.ok && !(back.reason === "missing" && source)) fieldErrors.photoBack = [`photo.${back.reason}`];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const frontId = front.ok ? (await saveFile(db, { bytes: front.bytes, mimeType: front.mimeType, purpose: "id-photo-front", createdById: user.id })).id : source!.photoFrontId;
  const backId = back.ok ? (await saveFile(db, { bytes: back.bytes, mimeType: back.mimeType, purpose: "id-photo-back", createdById: user.id })).id : source!.photoBackId;
  const { order, created } = await createPretrialOrder(db, user, parsed.data, { frontId, backId });
  if (created) {
    await writeAudit(db, {
      actor: { id: user.id, name: user.username, role: user.role },
      action: "pretrial.create",
      outcome: "ok",
      targetType: "pretrialOrder",
      targetId: order.id,
      after: { outsideOrderId: order.outsideOrderId, customerName: order.customerName, idNumber: order.idNumberMasked, retriedFromId: order.retriedFromId },
      ip,
    });
    await submitPretrialOrder(db, order.id, user.username);
  }
  return { ok: true, orderId: order.id, created };
}
