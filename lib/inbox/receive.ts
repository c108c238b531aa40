import "server-only";
import type { IncomingMessage } from "node:http";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { BodyTooLargeError, ONE_MB, readBodyLimited, readIncomingBodyLimited } from "@/lib/http/read-body";
import { enqueue } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { maskBody, sealBody } from "./body";
import { type AnyInboundEvent, type CallbackAnswer, type CallbackOutcome, eventTypeOf, type HeaderReader } from "./define-event";
import { processWithHandler } from "./process";
import { intakeEvent, recordMalformed, recordRefusal, REFUSED_BODY_BYTES, type StoredDelivery, storableHeaderRecord } from "./record";

/**
 * A delivery as the inbox reads it, whatever server received it: method, path, headers (plain
 * record, lower-case names, repeated headers joined with ", ") and the body bytes, already
 * read within the 1 MB limit. The route file (Web `Request`) and the console's server entry
 * (`node:http`) each build one with a thin adapter below and share {@link receiveDelivery}.
 */
export type InboundDelivery = { method: string; path: string; headers: Record<string, string>; body: Buffer };

/** Case-insensitive `get` over a header record whose names are lower-case. */
class RecordHeaders implements HeaderReader {
  constructor(private readonly record: Record<string, string>) {}
  get(name: string): string | null {
    const value: unknown = this.record[name.toLowerCase()];
    return typeof value === "string" ? value : null;
  }
}

/** What is stored of a delivery: headers minus secrets, the body encrypted, a masked copy. */
function storedDelivery(d: InboundDelivery, headers: HeaderReader, source: string, eventType: string, raw: Buffer, document?: unknown): StoredDelivery {
  return {
    source,
    eventType,
    method: d.method,
    path: d.path,
    headers: storableHeaderRecord(d.headers),
    sealedBody: sealBody(raw),
    maskedBody: maskBody(raw, document),
    remoteIp: clientIpFrom(headers),
  };
}

/**
 * The one path every vendor callback takes (design.md §2, house-style rule 6):
 *   body (≤ 1 MB, refused while streaming — by the adapters) → verify → parse once → record +
 *   dedupe + apply (one statement when the event has an SQL apply) → answer from what the
 *   intake concluded.
 * A bad credential is 401, counted, and kept (headers + 4 KB) up to a rate per source; a body
 * that cannot be parsed is 400 with the reason, kept as FAILED.
 */
export async function receiveDelivery(d: InboundDelivery, event: AnyInboundEvent): Promise<CallbackAnswer | Response> {
  const { body } = d;
  const headers = new RecordHeaders(d.headers);
  // Before verification the body is not ours to believe, so a type read from it is not used.
  const claimedType = typeof event.eventType === "string" ? event.eventType : "unverified";

  if (!event.verify(headers, body)) {
    const { stored, refusedThisMinute } = await recordRefusal(storedDelivery(d, headers, event.source, claimedType, body.subarray(0, REFUSED_BODY_BYTES)));
    if (stored) logger.warn({ source: event.source, eventType: claimedType, refusedThisMinute }, "callback refused: bad credential");
    return event.answer({ kind: "rejected" });
  }
  const parsed = event.parse(body, headers.get("content-type"));
  if (!parsed.ok) {
    await recordMalformed(storedDelivery(d, headers, event.source, claimedType, body), parsed.reason);
    return event.answer({ kind: "malformed", reason: parsed.reason });
  }
  const stored = storedDelivery(d, headers, event.source, eventTypeOf(event, parsed.value), body, parsed.document);
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

/** An answer as a Web `Response` (route files). */
export function answerResponse(answer: CallbackAnswer | Response): Response {
  if (answer instanceof Response) return answer;
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType } });
}

/** The route file's adapter: a Web `Request` in, a `Response` out. */
export async function receiveCallback(request: Request, event: AnyInboundEvent): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyLimited(request, ONE_MB);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return answerResponse(event.answer({ kind: "too_large" }));
    throw err;
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return answerResponse(await receiveDelivery({ method: request.method, path: new URL(request.url).pathname, headers, body }, event));
}

/**
 * The console server entry's adapter: a `node:http` request in (its path already matched to
 * `event`), the answer out as data; no Web `Request`, stream or `Response` in between.
 * `complete` is false when the body was refused unread, so the caller closes the connection.
 */
export async function receiveIncoming(req: IncomingMessage, path: string, event: AnyInboundEvent): Promise<{ answer: CallbackAnswer | Response; complete: boolean }> {
  let body: Buffer;
  try {
    body = await readIncomingBodyLimited(req, ONE_MB);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { answer: event.answer({ kind: "too_large" }), complete: false };
    throw err;
  }
  const headers: Record<string, string> = {};
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { answer: await receiveDelivery({ method: req.method ?? "POST", path, headers, body }, event), complete: true };
}

async function retryLater(eventId: bigint) {
  await enqueue("inbox.process", { eventId: String(eventId) }, { startAfterSeconds: 5 }).catch((err: unknown) =>
    logger.error({ err, eventId: String(eventId) }, "could not enqueue inbox retry"),
  );
}
