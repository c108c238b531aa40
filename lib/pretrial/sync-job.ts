import "server-only";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { submitPretrialOrder } from "./service";
import { refreshFromResultQuery } from "./vendor-sync";

/** Limits of the automatic catch-up; an operator can always retry or refresh by hand. */
export const SYNC_POLICY = {
  maxAutoSubmitAttempts: 6,
  /** Wait grows with each attempt: 1, 2, 4, 8 … minutes after the last one. */
  submitBackoffMinutes: (attempts: number) => 2 ** Math.max(0, attempts - 1),
  /** Big-data result returned but no result callback for this long: ask with resultQuery. */
  resultOverdueMinutes: 10,
  batch: 20,
} as const;

/**
 * The scheduled sync (worker, every 2 minutes): resubmits orders stuck in SUBMITTING (same
 * outsideOrderId — never a second vendor order) with backoff, and asks `resultQuery` for orders
 * whose result callback is overdue. Each order is claimed inside submitPretrialOrder, so
 * several workers can run this at once.
 */
export async function runPretrialSync(db: Db, now = new Date()) {
  const stuck = await db.pretrialOrder.findMany({
    // An order 万网 refused as a duplicate is with the vendor already: resending cannot help.
    where: { status: "SUBMITTING", vendorHasOrderAt: null, submitAttempts: { gte: 1, lt: SYNC_POLICY.maxAutoSubmitAttempts } },
    orderBy: { updatedAt: "asc" },
    take: SYNC_POLICY.batch,
    select: { id: true, submitAttempts: true, updatedAt: true, officerId: true },
  });
  let resubmitted = 0;
  for (const order of stuck) {
    const dueAt = order.updatedAt.getTime() + SYNC_POLICY.submitBackoffMinutes(order.submitAttempts) * 60_000;
    if (dueAt > now.getTime()) continue;
    const officer = await db.user.findUnique({ where: { id: order.officerId }, select: { username: true } });
    await submitPretrialOrder(db, order.id, officer?.username ?? "system");
    resubmitted++;
  }
  const overdue = await db.pretrialOrder.findMany({
    where: {
      status: { in: ["BIGDATA_RETURNED", "PBOC_PULLED"] },
      querySn: { not: null },
      updatedAt: { lt: new Date(now.getTime() - SYNC_POLICY.resultOverdueMinutes * 60_000) },
    },
    take: SYNC_POLICY.batch,
    select: { id: true },
  });
  let queried = 0;
  for (const order of overdue) {
    try {
      await refreshFromResultQuery(db, order.id, "system");
      queried++;
    } catch (err) {
      logger.warn({ err, orderId: order.id }, "pretrial sync: resultQuery failed");
    }
  }
  if (resubmitted || queried) logger.info({ resubmitted, queried }, "pretrial sync");
  return { resubmitted, queried };
}
