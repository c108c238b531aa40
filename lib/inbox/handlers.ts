import "server-only";
import type { Tx } from "@/lib/db";
import type { InboundEvent } from "@/lib/generated/prisma/client";

/**
 * What processing one inbound event concluded. `unmatched` means the event names a record
 * we do not have (kept for an admin to re-run once it exists).
 */
export type InboundOutcome =
  | { status: "processed"; targetType: string; targetId: string }
  | { status: "unmatched"; reason: string };

/** Applies one event inside a transaction. Must be idempotent and never move a record backwards. */
export type InboundHandler = (tx: Tx, event: InboundEvent, body: string) => Promise<InboundOutcome>;

const handlers = new Map<string, InboundHandler>();

const keyOf = (source: string, eventType: string) => `${source}/${eventType}`;

/** Vendor modules register their handlers at import time (see lib/inbox/registry.ts). */
export function registerInboundHandler(source: string, eventType: string, handler: InboundHandler) {
  handlers.set(keyOf(source, eventType), handler);
}

export function findInboundHandler(source: string, eventType: string): InboundHandler | undefined {
  return handlers.get(keyOf(source, eventType));
}
