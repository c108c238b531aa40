import "server-only";
import type { Db } from "@/lib/db";
import type { InboundEvent } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { decryptPii } from "@/lib/pii/vault";
import { findInboundHandler, type InboundOutcome } from "./handlers";
import "./registry";

export type ProcessResult = InboundOutcome | { status: "failed"; error: string } | { status: "skipped"; reason: string };

/**
 * Runs the vendor handler for one stored event. The handler's changes and the event's new
 * status commit together, so a crash never leaves an event "received" with its effects applied.
 * Re-running a processed event is allowed (handlers are idempotent); duplicates and rejected
 * deliveries are never processed.
 */
export async function processInboundEvent(db: Db, eventId: bigint, loaded?: InboundEvent): Promise<ProcessResult> {
  // The intake path has the row it just inserted; re-runs and the worker load it.
  const event = loaded?.id === eventId ? loaded : await db.inboundEvent.findUnique({ where: { id: eventId } });
  if (!event) return { status: "skipped", reason: "no such event" };
  if (event.status === "DUPLICATE" || event.status === "REJECTED") return { status: "skipped", reason: event.status.toLowerCase() };
  const handler = findInboundHandler(event.source, event.eventType);
  if (!handler) {
    await db.inboundEvent.update({
      where: { id: event.id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: `No handler for ${event.source}/${event.eventType}` },
    });
    return { status: "failed", error: "no handler" };
  }
  try {
    return await db.$transaction(async (tx) => {
      // Lock the event row so two workers re-running it apply it one after the other.
      await tx.$queryRaw`SELECT id FROM inbound_events WHERE id = ${event.id} FOR UPDATE`;
      const outcome = await handler(tx, event, decryptPii(event.bodyEncrypted));
      await tx.inboundEvent.update({
        where: { id: event.id },
        data:
          outcome.status === "processed"
            ? { status: "PROCESSED", targetType: outcome.targetType, targetId: outcome.targetId, processedAt: new Date(), attempts: { increment: 1 }, lastError: null }
            : { status: "UNMATCHED", attempts: { increment: 1 }, lastError: outcome.reason },
      });
      return outcome;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, eventId: String(event.id), source: event.source, eventType: event.eventType }, "inbound event failed");
    await db.inboundEvent.update({ where: { id: event.id }, data: { status: "FAILED", attempts: { increment: 1 }, lastError: message.slice(0, 1000) } });
    return { status: "failed", error: message };
  }
}
