import "server-only";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { expireApprovals } from "./approvals/approvals";
import { postWaiting, settleFailure } from "./requests/log";
import { policyFor } from "./requests/policy";
import type { CustodyPort } from "./requests/port";
import { resolveByQuery, sendLogged } from "./requests/send";

/**
 * The worker's custody round (`custody.sync`, every minute):
 * - direct requests left SENT or UNKNOWN (a crash mid-call, a timeout past the attempts) are
 *   taken up again under their policy — resent with the same requestNo, or queried first;
 * - gateway requests without a NOTIFY after GATEWAY_QUIET_MS are asked with QUERY_TRANSACTION
 *   (design.md §1.7: notifications can be lost); one custody still does not know
 *   GATEWAY_ABANDONED_MS after it was handed over (the customer never finished the page, or
 *   custody refused it on its first page, which sends no NOTIFY) is closed as FAILED
 *   (`ABANDONED`) instead of being asked about forever. Should custody report it later after
 *   all, the outcome does not move back (the log's trigger); reconciliation shows the difference;
 * - confirmed operations waiting for an earlier one are posted; expired approvals closed.
 */
export const DIRECT_STUCK_MS = 2 * 60_000;
export const GATEWAY_QUIET_MS = 15 * 60_000;
/** A day: far past the customer link's 30 minutes and any page a customer could still submit. */
export const GATEWAY_ABANDONED_MS = 24 * 3600_000;

export async function runCustodySync(db: Db, port: CustodyPort, now = new Date()): Promise<{ resolved: number; posted: number; expired: number }> {
  const expired = await expireApprovals(db, now);
  const stuck = await db.custodyRequest.findMany({
    where: {
      status: { in: ["SENT", "UNKNOWN"] },
      OR: [
        { mode: "direct", updatedAt: { lt: new Date(now.getTime() - DIRECT_STUCK_MS) } },
        { mode: "gateway", sentAt: { lt: new Date(now.getTime() - GATEWAY_QUIET_MS) } },
      ],
    },
    orderBy: { id: "asc" },
    take: 200,
    select: { requestNo: true, serviceName: true, mode: true, sentAt: true },
  });
  let resolved = 0;
  for (const r of stuck) {
    try {
      if (r.mode === "gateway") {
        const found = await resolveByQuery(db, port, r.requestNo);
        if (found === "settled") resolved++;
        else if (found === "not_found" && r.sentAt && r.sentAt.getTime() < now.getTime() - GATEWAY_ABANDONED_MS) {
          const closed = await settleFailure(db, r.requestNo, { code: "ABANDONED", description: "QUERY_TRANSACTION found nothing a day after the page was handed to the customer" });
          if (closed) resolved++;
        }
      } else if (policyFor(r.serviceName as LanmaoServiceName).outcomeFrom === "answer") {
        const out = await sendLogged(db, port, r.requestNo, () => now);
        if (out.status === "SUCCEEDED" || out.status === "FAILED") resolved++;
      }
    } catch (err) {
      logger.warn({ requestNo: r.requestNo, err: err instanceof Error ? err.message : String(err) }, "custody sync could not resolve a request");
    }
  }
  const posted = await postWaiting(db);
  return { resolved, posted, expired };
}
