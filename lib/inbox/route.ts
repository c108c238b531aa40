import "server-only";
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

const CALLBACK_PATH = /^\/api\/callbacks\/([a-z0-9-]+)\/([a-z0-9-]+)$/;
const byPath = new Map<string, ((request: Request) => Promise<Response>) | null>();

/**
 * The handler the console's server entry serves a callback path with, before Next's router
 * (scripts/lib/serve-callbacks.ts): the same `receiveCallback` as the route file at that path,
 * without the framework's per-request work. Only events with a fixed type have a path of their
 * own; an event typed by its body (联银通 NOTIFY) goes through its route file.
 */
export function inboundRouteForPath(pathname: string): ((request: Request) => Promise<Response>) | undefined {
  if (!byPath.has(pathname)) {
    const m = CALLBACK_PATH.exec(pathname);
    const event = m ? INBOUND_EVENTS.find((e) => e.source === m[1] && e.eventType === m[2]) : undefined;
    byPath.set(pathname, event ? (request: Request) => receiveCallback(request, event) : null);
  }
  return byPath.get(pathname) ?? undefined;
}
