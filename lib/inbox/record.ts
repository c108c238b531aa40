import "server-only";
import { sqlRows } from "@/lib/db/pool";
import type { SqlApply } from "./define-event";

/**
 * The inbox's statements on the callback hot path, each one round trip to a SQL function of
 * migration 20261130120000_inbound_intake (tests: lib/inbox/intake-sql.test.ts).
 */

/** One delivery as stored: headers minus secrets, body bytes encrypted, a masked copy. */
export type StoredDelivery = {
  source: string;
  eventType: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  sealedBody: Buffer;
  maskedBody: string;
  remoteIp: string | null;
};

/** Headers never stored: credentials and signatures would let a reader replay the call. */
const SECRET_HEADERS = new Set(["authorization", "cookie", "x-df-api-secret", "sign", "proxy-authorization"]);

export function storableHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = SECRET_HEADERS.has(key.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}

/** {@link storableHeaders} for headers already in a plain record (the inbox's delivery shape). */
export function storableHeaderRecord(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in headers) out[key] = SECRET_HEADERS.has(key.toLowerCase()) ? "[redacted]" : headers[key]!;
  return out;
}

const withoutNul = (_k: string, v: unknown) => (typeof v === "string" ? v.replaceAll("\u0000", "\ufffd") : v);

/**
 * jsonb refuses `\u0000`: a NUL inside a field (legal JSON) becomes U+FFFD in what is applied; the raw body keeps it.
 * JSON writes a NUL as the six characters `\u0000`, so only a text holding them needs the slower replacer pass.
 */
export const toJsonb = (value: unknown) => {
  const text = JSON.stringify(value);
  return text !== undefined && text.includes("\\u0000") ? JSON.stringify(value, withoutNul) : text;
};

export type IntakeOutcome = "processed" | "unmatched" | "duplicate" | "recorded" | "failed" | "skipped";
type IntakeRow = { event_id: string; outcome: IntakeOutcome; detail: string | null };

const deliveryParams = (d: StoredDelivery) => [d.source, d.eventType, d.method, d.path, JSON.stringify(d.headers), d.sealedBody, d.maskedBody, d.remoteIp];

/**
 * Records a verified, parsed delivery under its key and, when the event has an SQL apply,
 * applies it — one statement (inbox_intake). A replay is a DUPLICATE row; a replay of an
 * event still UNMATCHED is applied again.
 */
export async function intakeEvent(d: StoredDelivery, eventKey: string, apply: SqlApply | null): Promise<{ eventId: bigint; outcome: IntakeOutcome; detail: string | null }> {
  const params = [d.source, d.eventType, eventKey, d.method, d.path, JSON.stringify(d.headers), d.sealedBody, d.maskedBody, d.remoteIp];
  let rows: IntakeRow[];
  try {
    rows = await sqlRows<IntakeRow>(
      "SELECT event_id::text, outcome, detail FROM inbox_intake($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11::jsonb)",
      [...params, apply?.fn ?? null, apply ? toJsonb(apply.args) : null],
      "inbox_intake",
    );
  } catch (err) {
    // The apply failed inside the statement (everything it did is rolled back): the delivery is
    // kept as FAILED for a retry. No subtransaction on the common path is what this costs.
    if (!isApplyFailure(err)) throw err;
    rows = await sqlRows<IntakeRow>(
      "SELECT event_id::text, outcome, detail FROM inbox_record_failed($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)",
      [...params, err.message],
      "inbox_record_failed",
    );
  }
  const [row] = rows;
  return { eventId: BigInt(row.event_id), outcome: row.outcome, detail: row.detail };
}

/**
 * An error the statement raised while applying, as opposed to the connection or the server
 * going away, a cancel, or a lack of resources (classes 08, 57, 53), which a FAILED row would not explain.
 */
function isApplyFailure(err: unknown): err is Error & { code: string } {
  if (!(err instanceof Error) || !("code" in err) || typeof err.code !== "string" || err.code.length !== 5) return false;
  const cls = err.code.slice(0, 2);
  return cls !== "08" && cls !== "57" && cls !== "53";
}

/** A verified delivery we could not parse: kept as FAILED with the reason, never processed. */
export async function recordMalformed(d: StoredDelivery, reason: string): Promise<void> {
  await sqlRows("SELECT event_id FROM inbox_record($1, $2, NULL, $3, $4, $5::jsonb, $6, $7, $8, 'FAILED', $9)", [
    d.source,
    d.eventType,
    d.method,
    d.path,
    JSON.stringify(d.headers),
    d.sealedBody,
    d.maskedBody,
    d.remoteIp,
    `malformed: ${reason}`.slice(0, 1000),
  ]);
}

/** Refused credentials kept in full per source and minute; past this they are only counted. */
export const REFUSALS_KEPT_PER_MINUTE = 20;
/** Of a refused delivery's body, only this much is kept (design.md §2). */
export const REFUSED_BODY_BYTES = 4096;

export async function recordRefusal(d: StoredDelivery): Promise<{ stored: boolean; refusedThisMinute: number }> {
  const [row] = await sqlRows<{ stored: boolean; refused_this_minute: number }>(
    "SELECT stored, refused_this_minute FROM inbox_refuse($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)",
    [...deliveryParams(d), REFUSALS_KEPT_PER_MINUTE],
  );
  return { stored: row.stored, refusedThisMinute: row.refused_this_minute };
}

/** Applies a stored event with its SQL apply (re-runs, the worker): one statement (inbox_apply). */
export async function applyStoredEvent(eventId: bigint, apply: SqlApply): Promise<{ outcome: IntakeOutcome; detail: string | null }> {
  const [row] = await sqlRows<IntakeRow>("SELECT event_id::text, outcome, detail FROM inbox_apply($1, $2, $3::jsonb)", [String(eventId), apply.fn, toJsonb(apply.args)]);
  return { outcome: row.outcome, detail: row.detail };
}
