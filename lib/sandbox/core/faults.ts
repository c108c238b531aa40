import { z } from "zod";
import type { VendorName } from "./types";

/**
 * Fault injection per vendor. The server applies latency / http500 / hang / malformed to
 * every request of a vendor; badSignature and the callback faults are read by vendor code.
 */
export interface FaultSettings {
  latencyMs: number;
  http500: boolean;
  /** Never answer; the socket is held until the client gives up or the sandbox stops. */
  hang: boolean;
  /** Answer 200 with a truncated, unparseable body (the handler still runs). */
  malformed: boolean;
  /** Vendors corrupt the signature / token they send or answer with. */
  badSignature: boolean;
  /** Every callback is delivered twice. */
  duplicateCallbacks: boolean;
  /** Callbacks queued as one sequence (one order) are delivered last-first. */
  reorderCallbacks: boolean;
  /** Answer 500 to only the next N requests, counting down to 0. */
  failNext: number;
}

export const DEFAULT_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  http500: false,
  hang: false,
  malformed: false,
  badSignature: false,
  duplicateCallbacks: false,
  reorderCallbacks: false,
  failNext: 0,
});

// Strict so a misspelt key ("http_500") is refused instead of silently doing nothing.
export const ZFaultSettingsPatch = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  http500: z.boolean().optional(),
  hang: z.boolean().optional(),
  malformed: z.boolean().optional(),
  badSignature: z.boolean().optional(),
  duplicateCallbacks: z.boolean().optional(),
  reorderCallbacks: z.boolean().optional(),
  failNext: z.number().int().min(0).max(10_000).optional(),
});
export type TFaultSettingsPatch = z.infer<typeof ZFaultSettingsPatch>;

/** What the server must do to one request, decided once when it arrives. */
export interface FaultDecision {
  settings: Readonly<FaultSettings>;
  latencyMs: number;
  http500: boolean;
  hang: boolean;
  malformed: boolean;
  /** Labels for the request log, e.g. ["latency:200", "failNext"]. */
  applied: string[];
}

export class FaultStore {
  private readonly settings = new Map<VendorName, FaultSettings>();

  constructor(private readonly vendors: readonly VendorName[]) {
    this.reset();
  }

  has(vendor: string): vendor is VendorName {
    return (this.vendors as readonly string[]).includes(vendor);
  }

  get(vendor: VendorName): Readonly<FaultSettings> {
    return { ...(this.settings.get(vendor) ?? DEFAULT_FAULTS) };
  }

  all(): Record<string, FaultSettings> {
    return Object.fromEntries(this.vendors.map((v) => [v, this.get(v)]));
  }

  update(vendor: VendorName, patch: TFaultSettingsPatch): FaultSettings {
    const next = { ...this.get(vendor), ...stripUndefined(patch) };
    this.settings.set(vendor, next);
    return { ...next };
  }

  reset(): void {
    for (const vendor of this.vendors) this.settings.set(vendor, { ...DEFAULT_FAULTS });
  }

  /**
   * Decides the faults for one inbound request. Precedence: hang, then http500, then
   * failNext (counted down only when it takes effect), then malformed.
   */
  consume(vendor: VendorName): FaultDecision {
    const current = this.settings.get(vendor) ?? { ...DEFAULT_FAULTS };
    const applied: string[] = current.latencyMs > 0 ? [`latency:${current.latencyMs}`] : [];
    const decision: FaultDecision = {
      settings: { ...current },
      latencyMs: current.latencyMs,
      http500: false,
      hang: false,
      malformed: false,
      applied,
    };
    if (current.hang) {
      decision.hang = true;
      applied.push("hang");
    } else if (current.http500) {
      decision.http500 = true;
      applied.push("http500");
    } else if (current.failNext > 0) {
      current.failNext -= 1;
      decision.http500 = true;
      applied.push("failNext");
    } else if (current.malformed) {
      decision.malformed = true;
      applied.push("malformed");
    }
    return decision;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
