import "server-only";
import type { AnyInboundEvent } from "./define-event";
import { INBOUND_EVENTS, inboundEventOrThrow } from "./events";
import { receiveCallback } from "./receive";

/**
 * A callback route handler for one event of lib/inbox/events.ts. Route files are one line:
 *   export const POST = inboundRoute("wanwang", "signed");
 */
export function inboundRoute(source: string, eventType: string) {
  const event = inboundEventOrThrow(source, eventType);
  return (request: Request) => receiveCallback(request, event);
}

/**
 * Paths of the events with a fixed type, `/api/callbacks/<source>/<event>`, built once from the
 * event list (so a stream of unknown paths cannot grow it). An event typed by its body (联银通
 * NOTIFY) has no path of its own here and goes through its route file.
 */
const byPath = new Map<string, AnyInboundEvent>(
  INBOUND_EVENTS.flatMap((e) => (typeof e.eventType === "string" ? [[`/api/callbacks/${e.source}/${e.eventType}`, e] as const] : [])),
);

/**
 * The event the console's server entry serves a callback path with, before Next's router
 * (scripts/lib/serve-callbacks.ts): the same event, through the same `receiveDelivery`, as the
 * route file at that path, without the framework's per-request work.
 */
export function inboundEventForPath(pathname: string): AnyInboundEvent | undefined {
  return byPath.get(pathname);
}
