import "server-only";
import { inboundEventOrThrow } from "./events";
import { receiveCallback } from "./receive";

/**
 * A callback route handler for one event of lib/inbox/events.ts. Route files are one line:
 *   export const POST = inboundRoute("wanwang", "signed");
 */
export function inboundRoute(source: string, eventType: string) {
  const event = inboundEventOrThrow(source, eventType);
  return (request: Request) => receiveCallback(request, event);
}
