import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { InboundEvent } from "@/lib/generated/prisma/client";
import { maskPiiInJson } from "@/lib/pii/mask";
import { encryptPii } from "@/lib/pii/vault";

export type InboundRequest = {
  source: string;
  eventType: string;
  /** The vendor's natural id for this event, e.g. `<outsideOrderId>:signed:<type>`. */
  eventKey: string | null;
  signatureOk: boolean;
  method: string;
  path: string;
  headers: Headers;
  rawBody: string;
  remoteIp?: string;
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

/**
 * Writes the raw request to the inbox before anything else happens (design.md §2). A second
 * delivery of the same vendor event lands as a DUPLICATE row pointing at the first, so every
 * delivery is on record but the event is processed once.
 */
export async function recordInboundEvent(db: DbOrTx, req: InboundRequest): Promise<{ event: InboundEvent; duplicateOf: InboundEvent | null }> {
  const data = {
    source: req.source,
    eventType: req.eventType,
    eventKey: req.eventKey,
    signatureOk: req.signatureOk,
    method: req.method,
    path: req.path,
    headers: storableHeaders(req.headers),
    bodyEncrypted: encryptPii(req.rawBody),
    bodyMasked: maskPiiInJson(req.rawBody),
    remoteIp: req.remoteIp,
  };
  if (!req.signatureOk) {
    return { event: await db.inboundEvent.create({ data: { ...data, status: "REJECTED" } }), duplicateOf: null };
  }
  // ON CONFLICT DO NOTHING against the partial unique index: no exception, so this is safe
  // inside a caller's transaction too.
  const [inserted] = await db.inboundEvent.createManyAndReturn({ data: [{ ...data, status: "RECEIVED" }], skipDuplicates: true });
  if (inserted) return { event: inserted, duplicateOf: null };
  const original = await db.inboundEvent.findFirstOrThrow({
    where: { source: req.source, eventType: req.eventType, eventKey: req.eventKey, status: { notIn: ["DUPLICATE", "REJECTED"] } },
  });
  const event = await db.inboundEvent.create({
    data: { ...data, status: "DUPLICATE", duplicateOfId: original.id, processedAt: new Date() },
  });
  return { event, duplicateOf: original };
}
