import { delay } from "./delay";
import type { FaultStore } from "./faults";
import type { RequestLog } from "./request-log";
import { maskPersonalData } from "./mask";
import type { VendorName } from "./types";

export interface CallbackSpec {
  vendor: VendorName;
  url: string;
  method?: "POST" | "PUT" | "GET";
  headers?: Record<string, string>;
  /** Objects are sent as JSON, URLSearchParams as a form, strings and Buffers as they are. */
  body?: string | Buffer | URLSearchParams | object;
  /** Business key (order number …) shown in the request log next to each delivery. */
  key?: string;
  /** This callback's own waits before retries (a vendor with a documented schedule); default the sender's. */
  retryDelaysMs?: number[];
  /** Whether the console's answer counts as received; default any 2xx (联银通 wants the body `SUCCESS`). */
  accepted?: (status: number, body: string) => boolean;
}

export interface CallbackStep {
  /** Wait before this step, counted from the end of the previous one. */
  delayMs: number;
  send: CallbackSpec;
}

export interface CallbackDelivery {
  delivered: boolean;
  /** Last HTTP status seen, null when no attempt got an answer. */
  status: number | null;
  attempts: number;
  responseBody: string;
}

export interface CallbackSenderOptions {
  log: RequestLog;
  faults: FaultStore;
  /** Waits before retries 1, 2, 3 (network error or non-2xx). */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

/**
 * Delivers the callbacks vendors make to the console. Never throws into the request that
 * queued them: a vendor handler may `void ctx.callbacks.send(...)` and answer at once.
 */
export class CallbackSender {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private readonly retryDelaysMs: number[];
  private readonly timeoutMs: number;

  constructor(private readonly options: CallbackSenderOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 4_000];
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Delivers one callback; twice (one after the other) when duplicateCallbacks is on. */
  send(spec: CallbackSpec): Promise<CallbackDelivery[]> {
    return this.track(this.sendCopies(spec, []));
  }

  /**
   * Delivers callbacks for one business object in order, each after its delay. With
   * reorderCallbacks the payloads go last-first while the delays stay in place, so the
   * console sees the same cadence and only the order changes.
   */
  sequence(vendor: VendorName, steps: CallbackStep[]): Promise<void> {
    const reorder = this.options.faults.has(vendor) && this.options.faults.get(vendor).reorderCallbacks;
    const specs = steps.map((step) => step.send);
    if (reorder) specs.reverse();
    const run = async () => {
      for (let i = 0; i < steps.length; i++) {
        if (!(await delay(steps[i].delayMs, this.abort.signal))) return;
        await this.sendCopies(specs[i], reorder ? ["reorder"] : []);
      }
    };
    return this.track(run());
  }

  /** Resolves when every queued callback has been delivered or given up (tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Cancels waits and in-flight deliveries; used when the sandbox stops. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
    return work;
  }

  private async sendCopies(spec: CallbackSpec, labels: string[]): Promise<CallbackDelivery[]> {
    const duplicate = this.options.faults.has(spec.vendor) && this.options.faults.get(spec.vendor).duplicateCallbacks;
    const results = [await this.deliver(spec, labels)];
    // The second copy follows the first, as a vendor that resends would.
    if (duplicate && !this.abort.signal.aborted) results.push(await this.deliver(spec, [...labels, "duplicate"]));
    return results;
  }

  private async deliver(spec: CallbackSpec, labels: string[]): Promise<CallbackDelivery> {
    const { body, contentType } = encodeBody(spec.body);
    const headers: Record<string, string> = { ...(contentType ? { "content-type": contentType } : {}), ...spec.headers };
    const method = spec.method ?? "POST";
    const result: CallbackDelivery = { delivered: false, status: null, attempts: 0, responseBody: "" };
    const retryDelaysMs = spec.retryDelaysMs ?? this.retryDelaysMs;
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
      if (attempt > 0 && !(await delay(retryDelaysMs[attempt - 1], this.abort.signal))) break;
      if (this.abort.signal.aborted) break;
      result.attempts = attempt + 1;
      const started = Date.now();
      let note = [spec.key, attempt > 0 ? `retry ${attempt}` : undefined].filter(Boolean).join(" · ");
      try {
        const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.timeoutMs)]);
        const response = await fetch(spec.url, { method, headers, body: method === "GET" ? undefined : body, signal });
        result.status = response.status;
        result.responseBody = await response.text();
        result.delivered = spec.accepted ? spec.accepted(response.status, result.responseBody) : response.ok;
      } catch (error) {
        result.status = null;
        result.responseBody = "";
        note = [note, `error: ${(error as Error).message}`].filter(Boolean).join(" · ");
      }
      this.options.log.add({
        time: new Date(started).toISOString(),
        direction: "out",
        vendor: spec.vendor,
        method,
        path: spec.url,
        status: result.status,
        durationMs: Date.now() - started,
        fault: labels.length > 0 ? labels.join(",") : null,
        requestBody: typeof body === "string" ? body : body ? Buffer.from(body) : null,
        responseBody: result.responseBody,
        note: note || undefined,
      });
      if (result.delivered) break;
    }
    if (!result.delivered && !this.abort.signal.aborted) {
      const target = maskPersonalData(spec.url);
      console.warn(`[sandbox] ${spec.vendor} callback to ${target} failed after ${result.attempts} attempt(s)`);
    }
    return result;
  }
}

function encodeBody(body: CallbackSpec["body"]): { body: string | Uint8Array<ArrayBuffer> | undefined; contentType?: string } {
  if (body === undefined) return { body: undefined };
  if (typeof body === "string") return { body, contentType: "text/plain; charset=utf-8" };
  // A copy typed as Uint8Array<ArrayBuffer>: what fetch's BodyInit accepts (a Buffer may sit on a SharedArrayBuffer).
  if (Buffer.isBuffer(body)) return { body: new Uint8Array(body), contentType: "application/octet-stream" };
  if (body instanceof URLSearchParams) {
    return { body: body.toString(), contentType: "application/x-www-form-urlencoded; charset=utf-8" };
  }
  return { body: JSON.stringify(body), contentType: "application/json; charset=utf-8" };
}
