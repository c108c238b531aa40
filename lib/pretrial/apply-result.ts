import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LockedOrder } from "./callbacks/find-order";
import { parsePersonReport } from "@/lib/vendors/wanwang/transform";
import { advanceStatus } from "./status";

export type PretrialResult = {
  customerLevel: string | null;
  pretrialStatus: number | null;
  personReport: string | null;
  errReason: string | null;
  platformData: { id: string; platform: string; saasPlatformCode: string; saasPlatformName: string; saasPlatformLabelId: string }[];
};

/**
 * Records the platform's answer (from the `pretrialResult` callback or a `resultQuery`) on a
 * locked order: level, pass/fail, the personal report in both its raw and parsed forms, and
 * the capital providers, whose catalogue grows with every provider seen.
 */
export async function applyPretrialResult(tx: Tx, order: LockedOrder, result: PretrialResult, at: Date) {
  if (result.pretrialStatus !== 0 && result.pretrialStatus !== 1) return { applied: false as const };
  const report = parsePersonReport(result.personReport);
  for (const [position, p] of result.platformData.entries()) {
    await tx.capitalProvider.upsert({
      where: { id: p.id },
      create: { id: p.id, platform: p.platform, productCode: p.saasPlatformCode, productName: p.saasPlatformName, labelId: p.saasPlatformLabelId, firstSeenAt: at, lastSeenAt: at },
      update: { platform: p.platform, productCode: p.saasPlatformCode, productName: p.saasPlatformName, labelId: p.saasPlatformLabelId, lastSeenAt: at },
    });
    await tx.pretrialRecommendation.upsert({
      where: { orderId_capitalId: { orderId: order.id, capitalId: p.id } },
      create: { orderId: order.id, capitalId: p.id, position },
      update: {},
    });
  }
  await tx.pretrialOrder.update({
    where: { id: order.id },
    data: {
      status: advanceStatus(order.status, result.pretrialStatus === 1 ? "PASSED" : "FAILED"),
      customerLevel: result.customerLevel,
      pretrialStatus: result.pretrialStatus,
      personReportRaw: result.personReport,
      personReport: report as unknown as Prisma.InputJsonValue,
      errReason: result.errReason ?? order.errReason,
      resultAt: order.resultAt ?? at,
    },
  });
  return { applied: true as const };
}
