import "server-only";
import type { Db } from "@/lib/db";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { logger } from "@/lib/logger";
import { isVendorError } from "@/lib/vendors/core/errors";
import { parseLanmaoTime } from "@/lib/vendors/lanmao/time";
import { claimForSending, loadRequest, markUnknown, postWaiting, settleFailure, settleSuccess, type CustodyRequestStatus } from "./log";
import { policyFor } from "./policy";
import { wireRequestNoOf } from "./pos-keys";
import type { CustodyPort, QueryOutcome } from "./port";

/**
 * Sends a logged direct request and settles it, never moving money twice (design.md §3):
 * - custody answers code 0 → SUCCEEDED and posted; another code → FAILED, nothing posted;
 * - the answer is lost (timeout, 5xx, unreadable) → UNKNOWN, then per the interface's policy:
 *   idempotent → resent with the same requestNo (up to maxAttempts); otherwise
 *   QUERY_TRANSACTION first: SUCCESS / FAIL settle it, INIT / PROCESSING leave it UNKNOWN for
 *   the worker, not found → resent once with the same requestNo (custody never saw it);
 * - a request already being sent elsewhere (lease) or already final is left alone.
 */
export type SendOutcome = { requestNo: string; status: CustodyRequestStatus; attempts: number };

export async function sendLogged(db: Db, port: CustodyPort, requestNo: string, now: () => Date = () => new Date()): Promise<SendOutcome> {
  // Attempts are budgeted per call: the worker's next round may try again (always safely:
  // idempotent, or after QUERY_TRANSACTION found nothing).
  let budget: number | undefined;
  for (;;) {
    const req = await loadRequest(db, requestNo);
    if (!req) throw new Error(`custody request ${requestNo} is not in the log`);
    const policy = policyFor(req.serviceName);
    if (req.status === "SUCCEEDED" || req.status === "FAILED") return done(req);
    if (policy.outcomeFrom !== "answer") throw new Error(`${req.serviceName} is a gateway interface: its outcome comes by NOTIFY`);

    if (req.status === "UNKNOWN" && policy.afterTimeout === "query_first") {
      const q = await resolveByQuery(db, port, requestNo);
      if (q !== "not_found") return done((await loadRequest(db, requestNo))!);
    }
    budget ??= req.attempts + policy.maxAttempts;
    if (req.attempts >= budget) return done(req);
    if (!(await claimForSending(db, requestNo, now()))) return done((await loadRequest(db, requestNo))!);

    try {
      const answer = await port.direct(req.serviceName, req.reqData);
      await db.$transaction((tx) => settleSuccess(tx, requestNo, { confirmedAt: now(), answer }));
      await postWaiting(db);
      return done((await loadRequest(db, requestNo))!);
    } catch (err) {
      if (isVendorError(err) && err.kind === "refused") {
        await settleFailure(db, requestNo, { code: String(err.vendorCode ?? err.code), description: err.message });
        return done((await loadRequest(db, requestNo))!);
      }
      const reason = isVendorError(err) ? `${err.kind}: ${err.message}` : err instanceof Error ? err.message : String(err);
      logger.warn({ requestNo, service: req.serviceName, reason }, "custody request outcome unknown");
      await markUnknown(db, requestNo, reason);
      // Loop: an idempotent interface is resent at once; the others ask QUERY_TRANSACTION first.
    }
  }
}

/** Asks QUERY_TRANSACTION about an UNKNOWN / SENT request and settles it if custody knows. */
export async function resolveByQuery(db: Db, port: CustodyPort, requestNo: string): Promise<"settled" | "pending" | "not_found"> {
  const req = await loadRequest(db, requestNo);
  if (!req) throw new Error(`custody request ${requestNo} is not in the log`);
  if (req.status === "SUCCEEDED" || req.status === "FAILED") return "settled";
  const type = policyFor(req.serviceName).queryType;
  if (!type) return "pending";
  let q: QueryOutcome;
  try {
    q = await port.queryTransaction(wireRequestNoOf(requestNo), type);
  } catch (err) {
    logger.warn({ requestNo, reason: err instanceof Error ? err.message : String(err) }, "QUERY_TRANSACTION failed");
    return "pending";
  }
  if (!q.found) return "not_found";
  if (q.status === "SUCCESS" || freezeHappened(req.serviceName, q.status)) {
    const confirmedAt = q.transactionTime ?? parseLanmaoTime(String(q.record.createTime ?? "")) ?? new Date();
    await db.$transaction((tx) => settleSuccess(tx, requestNo, { confirmedAt, answer: q.record, patch: posAmount(req.serviceName, q.record) }));
    await postWaiting(db);
    return "settled";
  }
  if (q.status === "FAIL") {
    await settleFailure(db, requestNo, { code: String(q.record.code ?? "FAIL"), description: "QUERY_TRANSACTION: FAIL", answer: q.record });
    return "settled";
  }
  return "pending";
}

/**
 * A pre-transaction's status describes its confirmations since (§3.3: INIT = none yet,
 * PROCESSING = some, SUCCESS = all), so for the freeze itself: a platform pre-transaction
 * (direct) that custody knows was made; a user's (gateway) counts once something confirmed it
 * — INIT may still be the customer's unfinished page, whose NOTIFY will tell.
 */
function freezeHappened(service: string, status: string) {
  if (service === "PLATFORM_PRE_TRANSACTION") return status === "INIT" || status === "PROCESSING";
  return service === "USER_PRE_TRANSACTION" && status === "PROCESSING";
}

/** A POS recharge's amount may be typed at the terminal: only custody's record knows it (§2.8). */
function posAmount(service: string, record: Record<string, unknown>): Partial<ConfirmedOperation> | undefined {
  return service === "POS_BUILD_BARCODE" && typeof record.amount === "number" ? ({ amount: record.amount } as Partial<ConfirmedOperation>) : undefined;
}

const done = (r: { requestNo: string; status: CustodyRequestStatus; attempts: number }): SendOutcome => ({
  requestNo: r.requestNo,
  status: r.status,
  attempts: r.attempts,
});
