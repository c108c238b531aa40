import type { SandboxState } from "../core/state";

const WINDOW_MS = 60_000;

interface Limits {
  /** Accepted call times per partner, oldest first. */
  calls: Map<string, number[]>;
  /** Orders being scored right now, so a second request racing the pull gets 9002. */
  inFlight: Set<string>;
}

/**
 * Counters that need not survive a restart, held per running sandbox. Keyed by its
 * SandboxState (each sandbox has exactly one), so two sandboxes in one test process —
 * sharing this module — never share a rate-limit window.
 */
const bySandbox = new WeakMap<SandboxState, Limits>();

function limitsOf(state: SandboxState): Limits {
  let limits = bySandbox.get(state);
  if (!limits) {
    limits = { calls: new Map(), inFlight: new Set() };
    bySandbox.set(state, limits);
  }
  return limits;
}

/**
 * Rolling one-minute window. A refused call is not counted, so a client that backs off
 * gets through again once its older calls leave the window.
 */
export function takeRateSlot(state: SandboxState, partnerId: string, perMinute: number, now = Date.now()): boolean {
  const { calls } = limitsOf(state);
  const recent = (calls.get(partnerId) ?? []).filter((t) => t > now - WINDOW_MS);
  const allowed = recent.length < perMinute;
  if (allowed) recent.push(now);
  calls.set(partnerId, recent);
  return allowed;
}

/** Claims an order for scoring; false when another request already holds it. */
export function claimOrder(state: SandboxState, zwOrder: string): boolean {
  const { inFlight } = limitsOf(state);
  if (inFlight.has(zwOrder)) return false;
  inFlight.add(zwOrder);
  return true;
}

export function releaseOrder(state: SandboxState, zwOrder: string): void {
  limitsOf(state).inFlight.delete(zwOrder);
}
