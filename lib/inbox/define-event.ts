import type { Tx } from "@/lib/db";
import type { InboundEvent } from "@/lib/generated/prisma/client";

/**
 * An inbound vendor event declared as data (house style: "inbound events as data"). The vendor
 * owns how a delivery is verified and answered (`lib/vendors/<v>/callback.ts`), the area owns
 * what it does (`lib/<area>/callbacks/*`), and `lib/inbox/events.ts` lists them all for the
 * routes and the worker. The body is parsed once, here, and handed on parsed.
 */

/** A decoded body: `value` as the event's schema reads it, `document` as sent (for the masked copy). */
export type Parsed<P> = { ok: true; value: P; document: unknown } | { ok: false; reason: string };

/** What processing concluded. `unmatched`: names a record we do not have (yet). */
export type InboundOutcome =
  | { status: "processed"; targetType: string; targetId: string }
  | { status: "unmatched"; reason: string };

/** What the vendor is answered, for each way a delivery can end. */
export type CallbackOutcome =
  | { kind: "too_large" }
  | { kind: "rejected" }
  | { kind: "malformed"; reason: string }
  | { kind: "duplicate" }
  | { kind: "processed" }
  | { kind: "unmatched"; reason: string }
  /** Durably recorded, processing left to the worker (our failure, not the vendor's). */
  | { kind: "deferred" };

/**
 * The one-statement form of a handler: an SQL function `fn(event_id, args jsonb)` (in a
 * migration) that applies the event and says processed or unmatched. Intake, dedupe and apply
 * then run in one round trip (inbox_intake), and a waiting event can be applied by the database
 * itself once its record is known (inbox_release_waiting).
 */
export type SqlApply = { fn: string; args: Record<string, unknown> };

/** Request headers as an event reads them (names are case-insensitive); a Web `Headers` fits. */
export type HeaderReader = { get(name: string): string | null };

/**
 * An answer as plain data, written to the socket by the server entry without building a Web
 * `Response` (and turned into one by the route file). An event may still answer a `Response`.
 */
export type CallbackAnswer = { status: number; contentType: string; body: string };

export type InboundHandler<P> = (tx: Tx, event: InboundEvent, parsed: P) => Promise<InboundOutcome>;

export type InboundEventDefinition<P> = {
  source: string;
  /** Fixed (one URL per event), or read from the body (one URL for many, e.g. 联银通 NOTIFY). */
  eventType: string | ((parsed: NoInfer<P>) => string);
  parse(body: Buffer, contentType: string | null): Parsed<P>;
  /** The vendor's natural id of the event: vendor + natural id + event type is unique. */
  key(parsed: NoInfer<P>): string;
  /** Timing-safe check of the caller's credential, on the raw bytes. */
  verify(headers: HeaderReader, body: Buffer): boolean;
  answer(outcome: CallbackOutcome): CallbackAnswer | Response;
  /** The one-statement form (preferred on hot paths); or … */
  sql?: (parsed: NoInfer<P>) => SqlApply;
  /** … a TypeScript handler run in a transaction. Exactly one of the two (checked at definition). */
  handle?: InboundHandler<NoInfer<P>>;
};

/** Erases P for lists of events; each event's own functions still agree with each other. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInboundEvent = InboundEventDefinition<any>;

export function defineInboundEvent<P>(definition: InboundEventDefinition<P>): InboundEventDefinition<P> {
  if (Boolean(definition.sql) === Boolean(definition.handle)) {
    throw new Error(`inbound event ${definition.source}/${String(definition.eventType)}: give exactly one of sql and handle`);
  }
  return definition;
}

export function eventTypeOf<P>(definition: InboundEventDefinition<P>, parsed: P): string {
  return typeof definition.eventType === "string" ? definition.eventType : definition.eventType(parsed);
}
