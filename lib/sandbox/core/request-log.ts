import type { VendorName } from "./types";
import { logBody, maskPersonalData } from "./mask";

export type LogDirection = "in" | "out";

export interface RequestLogEntry {
  id: number;
  /** ISO timestamp of when the request started. */
  time: string;
  direction: LogDirection;
  vendor: VendorName | null;
  method: string;
  /** Path and query for inbound requests, the full URL for outbound callbacks. */
  path: string;
  /** null when no answer was given (hang fault, network error on a callback). */
  status: number | null;
  durationMs: number;
  /** Faults applied, comma-separated (`latency:200,malformed`), or null. */
  fault: string | null;
  requestBody: string;
  responseBody: string;
  /** Business key of a callback (order number …) or an error message. */
  note?: string;
}

export type NewLogEntry = Omit<RequestLogEntry, "id" | "requestBody" | "responseBody" | "path"> & {
  path: string;
  requestBody?: string | Buffer | null;
  responseBody?: string | Buffer | null;
};

export const REQUEST_LOG_CAPACITY = 500;

/** Ring buffer of the last requests, in memory only: it is a debugging aid, not a record. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  constructor(private readonly capacity = REQUEST_LOG_CAPACITY) {}

  /** Reserves an id up front so it can be sent as a response header before the entry exists. */
  reserveId(): number {
    return this.nextId++;
  }

  add(entry: NewLogEntry, id = this.reserveId()): RequestLogEntry {
    const stored: RequestLogEntry = {
      id,
      ...entry,
      path: maskPersonalData(entry.path),
      requestBody: logBody(entry.requestBody),
      responseBody: logBody(entry.responseBody),
      note: entry.note === undefined ? undefined : maskPersonalData(entry.note),
    };
    this.entries.push(stored);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return stored;
  }

  /** Newest first. */
  list(filter: { vendor?: VendorName; limit?: number } = {}): RequestLogEntry[] {
    const limit = Math.max(0, Math.min(filter.limit ?? this.capacity, this.capacity));
    const out: RequestLogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.entries[i];
      if (!filter.vendor || entry.vendor === filter.vendor) out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.entries = [];
  }
}
