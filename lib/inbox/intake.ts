import "server-only";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { enqueue } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { processInboundEvent, type ProcessResult } from "./process";
import { recordInboundEvent } from "./record";

/**
 * The one path every vendor callback takes (house-style rule 6, design.md §2):
 *   raw body → verify → parse → record in the inbox → process → answer.
 * A bad token/signature is recorded as REJECTED and answered 401; a body that cannot be parsed
 * is answered 400 with the reason (and recorded, so an admin can see what arrived).
 */
export type CallbackSpec<T> = {
  source: string;
  eventType: string;
  /** Timing-safe check of the caller's credential. */
  verify(request: Request, rawBody: string): boolean;
  /** Parses the body; returns the reason on failure. */
  parse(rawBody: string): { ok: true; value: T } | { ok: false; reason: string };
  /** The vendor's natural id of this event (vendor + natural id + event type). */
  eventKey(value: T): string;
  /** Builds the vendor-specific answer for each outcome. */
  answer(outcome: CallbackOutcome): Response;
};

export type CallbackOutcome =
  | { kind: "rejected" }
  | { kind: "malformed"; reason: string }
  | { kind: "duplicate" }
  | { kind: "processed" }
  | { kind: "unmatched"; reason: string }
  | { kind: "deferred" };

export async function handleCallback<T>(request: Request, spec: CallbackSpec<T>): Promise<Response> {
  const rawBody = await request.text();
  const url = new URL(request.url);
  const db = getDb();
  const base = {
    source: spec.source,
    eventType: spec.eventType,
    method: request.method,
    path: url.pathname,
    headers: request.headers,
    rawBody,
    remoteIp: clientIpFrom(request.headers),
  };
  if (!spec.verify(request, rawBody)) {
    await recordInboundEvent(db, { ...base, eventKey: null, signatureOk: false });
    logger.warn({ source: spec.source, eventType: spec.eventType }, "callback refused: bad credential");
    return spec.answer({ kind: "rejected" });
  }
  const parsed = spec.parse(rawBody);
  if (!parsed.ok) {
    const { event } = await recordInboundEvent(db, { ...base, eventKey: null, signatureOk: true });
    await db.inboundEvent.update({ where: { id: event.id }, data: { status: "FAILED", lastError: `malformed: ${parsed.reason}`.slice(0, 1000) } });
    return spec.answer({ kind: "malformed", reason: parsed.reason });
  }
  const { event, duplicateOf } = await recordInboundEvent(db, { ...base, eventKey: spec.eventKey(parsed.value), signatureOk: true });
  // A replay of an event that named an unknown record gets another chance: the record may
  // exist by now. Any other replay changes nothing.
  if (duplicateOf && duplicateOf.status !== "UNMATCHED") return spec.answer({ kind: "duplicate" });
  const result: ProcessResult = duplicateOf ? await processInboundEvent(db, duplicateOf.id) : await processInboundEvent(db, event.id, event);
  if (result.status === "processed") return spec.answer({ kind: "processed" });
  if (result.status === "unmatched") return spec.answer({ kind: "unmatched", reason: result.reason });
  // Recorded durably but not applied (our fault, not the vendor's): the worker retries it.
  await enqueue("inbox.process", { eventId: String(event.id) }, { startAfterSeconds: 5 }).catch((err) =>
    logger.error({ err, eventId: String(event.id) }, "could not enqueue inbox retry"),
  );
  return spec.answer({ kind: "deferred" });
}
