import "server-only";
import type { Db } from "@/lib/db";
import type { InboundEvent } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { readStoredBody } from "./body";
import type { AnyInboundEvent, InboundOutcome } from "./define-event";
import { findInboundEvent } from "./events";
import { applyStoredEvent } from "./record";

export type ProcessResult = InboundOutcome | { status: "failed"; error: string } | { status: "skipped"; reason: string };

/**
 * (Re-)processes one stored event: an admin's re-run, the worker's retry. The body is read
 * back, parsed by the event's own definition and applied like the intake does. Re-running a
 * processed event is allowed (applies are idempotent); duplicates and rejected deliveries
 * are never processed.
 */
export async function processInboundEvent(db: Db, eventId: bigint, events?: readonly AnyInboundEvent[]): Promise<ProcessResult> {
  const event = await db.inboundEvent.findUnique({ where: { id: eventId } });
  if (!event) return { status: "skipped", reason: "no such event" };
  if (event.status === "DUPLICATE" || event.status === "REJECTED") return { status: "skipped", reason: event.status.toLowerCase() };
  const definition = findInboundEvent(event.source, event.eventType, events);
  if (!definition) return markFailed(db, event.id, `No inbound event ${event.source}/${event.eventType} in lib/inbox/events.ts`);
  const headers = event.headers as Record<string, string> | null;
  const parsed = definition.parse(readStoredBody(event.bodyEncrypted), headers?.["content-type"] ?? null);
  if (!parsed.ok) return markFailed(db, event.id, `malformed: ${parsed.reason}`);
  if (definition.sql) {
    const { outcome, detail } = await applyStoredEvent(event.id, definition.sql(parsed.value));
    if (outcome === "processed") return { status: "processed", targetType: "", targetId: "" };
    if (outcome === "unmatched") return { status: "unmatched", reason: detail ?? "unmatched" };
    if (outcome === "skipped") return { status: "skipped", reason: detail ?? "skipped" };
    return { status: "failed", error: detail ?? "failed" };
  }
  return processWithHandler(db, event.id, definition, parsed.value, event);
}

/**
 * Runs an event's TypeScript handler. The handler's changes and the event's new status commit
 * together, with the event row locked, so a crash never leaves an event "received" with its
 * effects applied and two replicas re-running it apply one after the other.
 */
export async function processWithHandler<P>(db: Db, eventId: bigint, definition: AnyInboundEvent, parsed: P, loaded?: InboundEvent): Promise<ProcessResult> {
  const handle = definition.handle;
  if (!handle) return markFailed(db, eventId, "event has neither an SQL apply nor a handler");
  try {
    return await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM inbound_events WHERE id = ${eventId} FOR UPDATE`;
      if (!locked || locked.status === "DUPLICATE" || locked.status === "REJECTED") return { status: "skipped" as const, reason: locked?.status ?? "no such event" };
      const event = loaded ?? (await tx.inboundEvent.findUniqueOrThrow({ where: { id: eventId } }));
      const outcome = await handle(tx, event, parsed);
      await tx.inboundEvent.update({
        where: { id: eventId },
        data:
          outcome.status === "processed"
            ? { status: "PROCESSED", targetType: outcome.targetType, targetId: outcome.targetId, processedAt: new Date(), attempts: { increment: 1 }, lastError: null }
            : { status: "UNMATCHED", attempts: { increment: 1 }, lastError: outcome.reason },
      });
      return outcome;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, eventId: String(eventId), source: definition.source }, "inbound event failed");
    return markFailed(db, eventId, message);
  }
}

async function markFailed(db: Db, eventId: bigint, error: string): Promise<ProcessResult> {
  await db.inboundEvent.update({ where: { id: eventId }, data: { status: "FAILED", attempts: { increment: 1 }, lastError: error.slice(0, 1000) } });
  return { status: "failed", error };
}
