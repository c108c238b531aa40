import "server-only";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { encryptPiiBytes, nameColumns, protectPii } from "@/lib/pii/vault";
import { maskIdNumber } from "@/lib/pii/mask";
import { isVendorError } from "@/lib/vendors/core/errors";
import { createDeepfinchClient, type DeepfinchClient } from "@/lib/vendors/deepfinch/client";
import { parseReportDate } from "@/lib/vendors/deepfinch/transform";
import { computeIndicators } from "./indicators/compute";
import { listIndicators } from "./list-indicators";

/** Attempts before a retryable failure (rate limit, vendor 5xx, timeout) becomes final. */
export const MAX_ATTEMPTS = 5;
/** A RECOGNISING row untouched this long belonged to a worker that died: it may be claimed again. */
const STALE_CLAIM_MS = 10 * 60_000;

export type RecognitionResult = "done" | "failed" | "retry" | "skipped";

/**
 * One recognition of one report: claim it (UPLOADED → RECOGNISING, one worker only), send the
 * PDF to DeepFinch, and record DONE (raw answer encrypted, subject encrypted + masked, key
 * indicators) or FAILED with the vendor's code, which the UI translates. A failure that can
 * pass on retry goes back to UPLOADED marked `failureRetrying` and answers "retry", so the
 * queue tries again with backoff, up to MAX_ATTEMPTS.
 */
export async function recogniseReport(db: Db, reportId: string, client: DeepfinchClient = createDeepfinchClient()): Promise<RecognitionResult> {
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
  const claimed = await db.creditReport.updateMany({
    where: { id: reportId, OR: [{ status: "UPLOADED" }, { status: "RECOGNISING", updatedAt: { lt: staleBefore } }] },
    data: { status: "RECOGNISING", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const row = await db.creditReport.findUniqueOrThrow({ where: { id: reportId }, select: { fileId: true, attempts: true } });

  try {
    const file = await readFile(db, row.fileId);
    if (!file) throw new Error(`credit report ${reportId}: stored file missing`);
    const { raw, report } = await client.recognise({ bytes: file.bytes, filename: `credit-report-${reportId}.pdf` });
    const header = report.sections.creditHeader;
    const time = parseReportDate(header?.reportTime);
    const idNum = header?.idNum?.trim();
    const name = header?.whoWasChecked?.trim();
    const indicators = computeIndicators(report.sections);
    await db.creditReport.update({
      where: { id: reportId },
      data: {
        status: "DONE",
        failureCode: null,
        failureRetrying: false,
        rawAnswerEnc: new Uint8Array(encryptPiiBytes(Buffer.from(JSON.stringify(raw), "utf8"))),
        unreadableSections: report.unreadable.map((u) => u.section),
        reportNo: header?.serialNo?.trim() || null,
        // The report's date as Beijing midnight: the day is what the report prints.
        reportTime: time ? new Date(Date.UTC(time.year, time.month - 1, time.day ?? 1) - 8 * 3600_000) : null,
        ...(name ? nameColumns("subjectName", name) : {}),
        ...(idNum ? { subjectIdEnc: protectPii(idNum, "id").enc, subjectIdIdx: protectPii(idNum, "id").idx, subjectIdMasked: maskIdNumber(idNum) } : {}),
        indicators: listIndicators(indicators) as Prisma.InputJsonValue,
        overdueAmountFen: BigInt(indicators.currentOverdue.amountFen),
        recognisedAt: new Date(),
      },
    });
    return "done";
  } catch (err) {
    const retry = isVendorError(err) && err.retryable && row.attempts < MAX_ATTEMPTS;
    const code = isVendorError(err) ? (err.vendorCode ?? err.kind.toUpperCase()) : isAppError(err) ? (err.i18n?.key ?? err.code) : "INTERNAL";
    if (!isAppError(err)) logger.error({ err, reportId }, "credit report recognition failed unexpectedly");
    await db.creditReport.update({
      where: { id: reportId },
      data: { status: retry ? "UPLOADED" : "FAILED", failureCode: code, failureRetrying: retry },
    });
    return retry ? "retry" : "failed";
  }
}

/** Reports left UPLOADED (an enqueue that failed, a retry whose job was lost): the sweep's list. */
export async function pendingReportIds(db: Db, olderThanMs = 60_000): Promise<string[]> {
  const rows = await db.creditReport.findMany({
    where: { status: "UPLOADED", updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 100,
    orderBy: { updatedAt: "asc" },
  });
  return rows.map((r) => r.id);
}
