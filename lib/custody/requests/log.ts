import "server-only";
import type { DbOrTx, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { LedgerRefusal, postOperation } from "@/lib/ledger/post";
import { maskPiiInObject } from "@/lib/pii/mask";
import { decryptPii, encryptPii } from "@/lib/pii/vault";
import { LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { applyCustodyEffects } from "../effects";

/**
 * The request log (design.md §3): every request to 联银通 is written down — requestNo,
 * serviceName, the reqData exactly as it will be sent (encrypted: registrations carry personal
 * data; a masked copy for display), who asked — BEFORE it leaves. Outcomes only move forward
 * (a trigger refuses the rest); a success posts the operation to the ledger in the same SQL
 * transaction, or leaves it WAITING for an earlier operation still on its way.
 */
export type CustodyRequestStatus = "PREPARED" | "SENT" | "UNKNOWN" | "SUCCEEDED" | "FAILED";

export type NewRequest = {
  requestNo: string;
  serviceName: LanmaoServiceName;
  /** reqData as sent: the JSON text the signature will cover. */
  reqData: string;
  operation?: ConfirmedOperation | null;
  platformUserNo?: string | null;
  projectNo?: string | null;
  amount?: number | null;
  createdById?: string | null;
  approvalId?: bigint | null;
};

export type LoggedRequest = {
  requestNo: string;
  serviceName: LanmaoServiceName;
  status: CustodyRequestStatus;
  reqData: string;
  attempts: number;
  operation: ConfirmedOperation | null;
  ledgerStatus: string;
};

export async function recordRequest(db: DbOrTx, r: NewRequest): Promise<void> {
  await db.custodyRequest.create({
    data: {
      requestNo: r.requestNo,
      serviceName: r.serviceName,
      mode: LANMAO_SERVICES[r.serviceName].mode,
      status: "PREPARED",
      bodyEnc: encryptPii(r.reqData),
      bodyMasked: maskPiiInObject(JSON.parse(r.reqData)) as Prisma.InputJsonValue,
      operation: (r.operation ?? undefined) as Prisma.InputJsonValue | undefined,
      platformUserNo: r.platformUserNo ?? null,
      projectNo: r.projectNo ?? null,
      amount: r.amount ? BigInt(r.amount) : null,
      createdById: r.createdById ?? null,
      approvalId: r.approvalId ?? null,
    },
  });
}

export async function loadRequest(db: DbOrTx, requestNo: string): Promise<LoggedRequest | null> {
  const row = await db.custodyRequest.findUnique({ where: { requestNo } });
  if (!row) return null;
  return {
    requestNo: row.requestNo,
    serviceName: row.serviceName as LanmaoServiceName,
    status: row.status as CustodyRequestStatus,
    reqData: decryptPii(row.bodyEnc),
    attempts: row.attempts,
    operation: (row.operation as ConfirmedOperation | null) ?? null,
    ledgerStatus: row.ledgerStatus,
  };
}

/** How long a SENT request is considered in flight before another sender may take it over. */
export const SEND_LEASE_MS = 120_000;

/**
 * Takes the request for one send attempt: PREPARED or UNKNOWN (or SENT with an expired lease)
 * → SENT, attempts + 1. False when another sender holds it or it is already final.
 */
export async function claimForSending(db: DbOrTx, requestNo: string, now = new Date()): Promise<boolean> {
  const leaseExpired = new Date(now.getTime() - SEND_LEASE_MS);
  const n = await db.$executeRaw`
    UPDATE custody_requests SET status = 'SENT', attempts = attempts + 1, sent_at = ${now}, updated_at = ${now}
    WHERE request_no = ${requestNo} AND (status IN ('PREPARED', 'UNKNOWN') OR (status = 'SENT' AND sent_at < ${leaseExpired}))`;
  return n === 1;
}

/** The outcome is not known (timeout, 5xx, unreadable answer): UNKNOWN, to be resolved. */
export async function markUnknown(db: DbOrTx, requestNo: string, error: string): Promise<void> {
  await db.$executeRaw`UPDATE custody_requests SET status = 'UNKNOWN', last_error = ${error.slice(0, 500)}, updated_at = now()
    WHERE request_no = ${requestNo} AND status IN ('SENT', 'PREPARED')`;
}

/** A gateway form was handed to the customer's browser: SENT, waiting for the NOTIFY. */
export async function markHandedToBrowser(db: DbOrTx, requestNo: string): Promise<void> {
  await db.$executeRaw`UPDATE custody_requests SET status = 'SENT', attempts = attempts + 1, sent_at = COALESCE(sent_at, now()), updated_at = now()
    WHERE request_no = ${requestNo} AND status = 'PREPARED'`;
}

export type Settled = { changed: boolean; ledger: "NONE" | "POSTED" | "WAITING" | "REFUSED" };

/**
 * Custody said yes (answer, NOTIFY or QUERY_TRANSACTION). Once: a second verdict for a final
 * request changes nothing. `patch` carries what only custody knew (a recharge's fee, a POS
 * amount), merged into the operation before it is posted.
 */
export async function settleSuccess(
  tx: Tx,
  requestNo: string,
  verdict: { confirmedAt: Date; code?: string; answer?: Record<string, unknown>; patch?: Partial<ConfirmedOperation> },
): Promise<Settled> {
  const rows = await tx.$queryRaw<{ service_name: string; body_enc: string; operation: ConfirmedOperation | null; project_no: string | null }[]>`
    UPDATE custody_requests SET status = 'SUCCEEDED', code = ${verdict.code ?? "0"}, confirmed_at = ${verdict.confirmedAt},
      answer = ${verdict.answer ? JSON.stringify(maskPiiInObject(verdict.answer)) : null}::jsonb, last_error = NULL, updated_at = now()
    WHERE request_no = ${requestNo} AND status NOT IN ('SUCCEEDED', 'FAILED')
    RETURNING service_name, body_enc, operation, project_no`;
  const row = rows[0];
  if (!row) return { changed: false, ledger: "NONE" };
  const reqData = JSON.parse(decryptPii(row.body_enc)) as Record<string, unknown>;
  await applyCustodyEffects(tx, row.service_name as LanmaoServiceName, reqData, verdict.answer ?? {});
  if (!row.operation) return { changed: true, ledger: "NONE" };
  const op = { ...row.operation, ...verdict.patch } as ConfirmedOperation;
  if (verdict.patch) await tx.$executeRaw`UPDATE custody_requests SET operation = ${JSON.stringify(op)}::jsonb WHERE request_no = ${requestNo}`;
  return { changed: true, ledger: await postFor(tx, requestNo, op, verdict.confirmedAt, row.project_no) };
}

/** Custody said no: FAILED, nothing posted. Ignored if the request is already final. */
export async function settleFailure(db: DbOrTx, requestNo: string, verdict: { code: string; description?: string; answer?: Record<string, unknown> }): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE custody_requests SET status = 'FAILED', code = ${verdict.code}, last_error = ${verdict.description?.slice(0, 500) ?? null},
      answer = ${verdict.answer ? JSON.stringify(maskPiiInObject(verdict.answer)) : null}::jsonb, updated_at = now()
    WHERE request_no = ${requestNo} AND status NOT IN ('SUCCEEDED', 'FAILED')`;
  return n === 1;
}

async function postFor(tx: Tx, requestNo: string, op: ConfirmedOperation, confirmedAt: Date, projectNo: string | null): Promise<Settled["ledger"]> {
  try {
    const result = await postOperation(tx, op, { confirmedAt, projectNo });
    if (result.status === "waiting") {
      await tx.$executeRaw`UPDATE custody_requests SET ledger_status = 'WAITING', ledger_note = ${`${result.rule}: ${result.detail}`} WHERE request_no = ${requestNo}`;
      return "WAITING";
    }
    await tx.$executeRaw`UPDATE custody_requests SET ledger_status = 'POSTED', ledger_transaction_id = ${result.transactionId}, ledger_note = NULL WHERE request_no = ${requestNo}`;
    return "POSTED";
  } catch (e) {
    if (!(e instanceof LedgerRefusal)) throw e;
    // Custody did it but our ledger cannot follow: a discrepancy for finance, never hidden.
    await tx.$executeRaw`UPDATE custody_requests SET ledger_status = 'REFUSED', ledger_note = ${e.rule} WHERE request_no = ${requestNo}`;
    return "REFUSED";
  }
}

/**
 * Posts confirmed operations that were waiting for an earlier one, oldest confirmation first,
 * until a pass moves nothing. Run after every NOTIFY that posted something, and by the worker.
 */
export async function postWaiting(db: { $transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> } & DbOrTx, limit = 500): Promise<number> {
  let posted = 0;
  for (let moved = true; moved; ) {
    moved = false;
    const waiting = await db.custodyRequest.findMany({
      where: { ledgerStatus: "WAITING" },
      orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { requestNo: true },
    });
    for (const { requestNo } of waiting) {
      const result = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ operation: ConfirmedOperation; confirmed_at: Date; project_no: string | null }[]>`
          SELECT operation, confirmed_at, project_no FROM custody_requests WHERE request_no = ${requestNo} AND ledger_status = 'WAITING' FOR UPDATE`;
        const row = rows[0];
        return row ? postFor(tx, requestNo, row.operation, row.confirmed_at, row.project_no) : "NONE";
      });
      if (result === "POSTED") {
        posted++;
        moved = true;
      }
    }
  }
  return posted;
}
