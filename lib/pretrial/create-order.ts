import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { deleteFile, saveFile } from "@/lib/files/store";
import type { RouteAuditRecord } from "@/lib/http/route";
import { readImageField } from "@/lib/files/upload";
import { orderScope } from "./access";
import { ZPretrialOrderInput } from "./schemas";
import { createPretrialOrder, submitPretrialOrder } from "./service";

export type CreateOrderOutcome =
  | { ok: true; orderId: string; created: boolean; audit: RouteAuditRecord }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * The new-order form (multipart: text fields + two photos). Everything is checked before
 * anything is stored: bad input stores nothing and sends nothing. A double submit (same
 * idempotency key) returns the first order. A new order started from a failed one may reuse
 * its photos. Photos are written only once the fields are valid, and removed again if the
 * order cannot be recorded (what a crash leaves behind, the `housekeeping.sweep` job removes).
 * The route writes the audit row from `audit`.
 */
export async function createOrderFromForm(db: Db, user: SessionUser, form: FormData): Promise<CreateOrderOutcome> {
  const fields = Object.fromEntries(["idempotencyKey", "customerName", "idNumber", "mobile", "dealerName", "retriedFromId"].map((k) => [k, form.get(k) ?? undefined]));
  const parsed = ZPretrialOrderInput.safeParse(fields);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
  }
  const existing = parsed.success ? await db.pretrialOrder.findUnique({ where: { idempotencyKey: parsed.data.idempotencyKey }, select: { id: true } }) : null;
  if (existing) {
    return { ok: true, orderId: existing.id, created: false, audit: { targetType: "pretrialOrder", targetId: existing.id, detail: "repeated submit (same idempotency key)" } };
  }

  const source = parsed.success && parsed.data.retriedFromId
    ? await db.pretrialOrder.findFirst({ where: { AND: [{ id: parsed.data.retriedFromId }, orderScope(user)] }, select: { photoFrontId: true, photoBackId: true } })
    : null;
  const front = await readImageField(form, "photoFront");
  const back = await readImageField(form, "photoBack");
  if (!front.ok && !(front.reason === "missing" && source)) fieldErrors.photoFront = [`photo.${front.reason}`];
  if (!back.ok && !(back.reason === "missing" && source)) fieldErrors.photoBack = [`photo.${back.reason}`];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const saved: string[] = [];
  let order: Awaited<ReturnType<typeof createPretrialOrder>>["order"];
  let created: boolean;
  try {
    const frontId = front.ok ? await keep(saveFile(db, { bytes: front.bytes, mimeType: front.mimeType, purpose: "id-photo-front", createdById: user.id })) : source!.photoFrontId;
    const backId = back.ok ? await keep(saveFile(db, { bytes: back.bytes, mimeType: back.mimeType, purpose: "id-photo-back", createdById: user.id })) : source!.photoBackId;
    ({ order, created } = await createPretrialOrder(db, user, parsed.data, { frontId, backId }));
  } catch (error) {
    await Promise.all(saved.map((id) => deleteFile(db, id).catch(() => undefined)));
    throw error;
  }
  // A concurrent submit with the same key won: its order keeps its own photos, these are unused.
  if (!created) await Promise.all(saved.map((id) => deleteFile(db, id).catch(() => undefined)));
  if (created) await submitPretrialOrder(db, order.id, user.username);
  const audit: RouteAuditRecord = created
    ? {
        targetType: "pretrialOrder",
        targetId: order.id,
        after: { outsideOrderId: order.outsideOrderId, customerName: order.customerNameMasked, idNumber: order.idNumberMasked, retriedFromId: order.retriedFromId },
      }
    : { targetType: "pretrialOrder", targetId: order.id, detail: "repeated submit (same idempotency key)" };
  return { ok: true, orderId: order.id, created, audit };

  async function keep(file: Promise<{ id: string }>): Promise<string> {
    const { id } = await file;
    saved.push(id);
    return id;
  }
}
