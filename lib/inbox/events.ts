import "server-only";
import { LANMAO_NOTIFY_EVENT } from "@/lib/custody/callbacks/events";
import { PRETRIAL_CALLBACK_EVENTS } from "@/lib/pretrial/callbacks";
import type { AnyInboundEvent } from "./define-event";

/**
 * Every inbound event the console accepts, in one list: the callback routes and the worker
 * both read it, so what is accepted and what can be re-run never disagree. No registration by
 * import side effect. The custody (联银通) issue adds its NOTIFY event here — see
 * lib/vendors/lanmao/callback.ts and the test event in lib/inbox/lanmao-notify.test.ts.
 */
export const INBOUND_EVENTS: readonly AnyInboundEvent[] = [...PRETRIAL_CALLBACK_EVENTS, LANMAO_NOTIFY_EVENT];

/** Events whose type is read from the body are found by source alone. */
export function findInboundEvent(source: string, eventType: string, events: readonly AnyInboundEvent[] = INBOUND_EVENTS): AnyInboundEvent | undefined {
  return (
    events.find((e) => e.source === source && e.eventType === eventType) ??
    events.find((e) => e.source === source && typeof e.eventType === "function")
  );
}

export function inboundEventOrThrow(source: string, eventType: string): AnyInboundEvent {
  const event = findInboundEvent(source, eventType);
  if (!event) throw new Error(`no inbound event ${source}/${eventType} in lib/inbox/events.ts`);
  return event;
}
