import "server-only";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { BodyTooLargeError, ONE_MB, readBodyLimited } from "@/lib/http/read-body";
import { enqueue } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { maskBody, sealBody } from "./body";
import { type AnyInboundEvent, type CallbackOutcome, eventTypeOf } from "./define-event";
import { processWithHandler } from "./process";
import { intakeEvent, recordMalformed, recordRefusal, REFUSED_BODY_BYTES, type StoredDelivery, storableHeaders } from "./record";

/**
 * The one path every vendor callback takes (design.md §2, house-style rule 6):
 *   body (≤ 1 MB, refused while streaming) → verify → parse once → record + dedupe + apply
 *   (one statement when the event has an SQL apply) → answer from what the intake concluded.
 * A bad credential is 401, counted, and kept (headers + 4 KB) up to a rate per source; a body
 * that cannot be parsed is 400 with the reason, kept as FAILED.
 */
export async function receiveCallback(request: Request, event: AnyInboundEvent): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyLimited(request, ONE_MB);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return event.answer({ kind: "too_large" });
    throw err;
  }
  const delivery = (eventType: string, raw: Buffer, document?: unknown): StoredDelivery => ({
    source: event.source,
    eventType,
    method: request.method,
    path: new URL(request.url).pathname,
    headers: storableHeaders(request.headers),
    sealedBody: sealBody(raw),
    maskedBody: maskBody(raw, document),
    remoteIp: clientIpFrom(request.headers),
  });
  // Before verification the body is not ours to believe, so a type read from it is not used.
  const claimedType = typeof event.eventType === "string" ? event.eventType : "unverified";

  if (!event.verify(request.headers, body)) {
    const { stored, refusedThisMinute } = await recordRefusal(delivery(claimedType, body.subarray(0, REFUSED_BODY_BYTES)));
    if (stored) logger.warn({ source: event.source, eventType: claimedType, refusedThisMinute }, "callback refused: bad credential");
    return event.answer({ kind: "rejected" });
  }
  const parsed = event.parse(body, request.headers.get("content-type"));
  if (!parsed.ok) {
    await recordMalformed(delivery(claimedType, body), parsed.reason);
    return event.answer({ kind: "malformed", reason: parsed.reason });
  }
  const stored = delivery(eventTypeOf(event, parsed.value), body, parsed.document);
  const result = await intakeEvent(stored, event.key(parsed.value), event.sql ? event.sql(parsed.value) : null);
  let outcome: CallbackOutcome;
  switch (result.outcome) {
    case "duplicate":
    case "skipped":
      outcome = { kind: "duplicate" };
      break;
    case "processed":
      outcome = { kind: "processed" };
      break;
    case "unmatched":
      outcome = { kind: "unmatched", reason: result.detail ?? "unmatched" };
      break;
    case "recorded": {
      // An event without an SQL apply: its TypeScript handler runs now, in a transaction.
      const processed = await processWithHandler(getDb(), result.eventId, event, parsed.value);
      outcome =
        processed.status === "processed" ? { kind: "processed" } : processed.status === "unmatched" ? { kind: "unmatched", reason: processed.reason } : { kind: "deferred" };
      if (processed.status === "failed") await retryLater(result.eventId);
      break;
    }
    case "failed":
      // Recorded durably but not applied (our fault, not the vendor's): the worker retries it.
      await retryLater(result.eventId);
      outcome = { kind: "deferred" };
      break;
  }
  return event.answer(outcome);
}

async function retryLater(eventId: bigint) {
  await enqueue("inbox.process", { eventId: String(eventId) }, { startAfterSeconds: 5 }).catch((err: unknown) =>
    logger.error({ err, eventId: String(eventId) }, "could not enqueue inbox retry"),
  );
}
