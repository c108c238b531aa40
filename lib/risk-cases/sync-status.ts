import "server-only";
import type { DbOrTx } from "@/lib/db";

/** The latest window sync (progress bar: pages done / total), and what was flagged or rejected. */
export async function getSyncStatus(db: DbOrTx) {
  const [run, flagged, rejected] = await Promise.all([
    db.riskCaseSyncRun.findFirst({
      where: { kind: "WINDOW" },
      orderBy: { startedAt: "desc" },
      select: { id: true, status: true, trigger: true, windowStart: true, windowEnd: true, pagesDone: true, pagesTotal: true, nextPage: true, rowsSeen: true, created: true, changed: true, flagged: true, rejected: true, lastError: true, startedAt: true, finishedAt: true },
    }),
    db.riskCase.count({ where: { schemaValid: false } }),
    db.riskCaseReject.count(),
  ]);
  return { run, flaggedCases: flagged, rejectedRecords: rejected };
}
export type SyncStatus = Awaited<ReturnType<typeof getSyncStatus>>;
