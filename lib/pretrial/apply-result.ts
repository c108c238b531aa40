import "server-only";
import type { Tx } from "@/lib/db";
import { toJsonb } from "@/lib/inbox/record";
import { parsePersonReport } from "@/lib/vendors/wanwang/transform";
import type { LockedOrder } from "./callbacks/find-order";

export type PretrialResult = {
  customerLevel: string | null;
  pretrialStatus: number | null;
  personReport: string | null;
  errReason: string | null;
  platformData: { id: string; platform: string; saasPlatformCode: string; saasPlatformName: string; saasPlatformLabelId: string }[];
};

/**
 * Records the platform's answer from a `resultQuery` on a locked order, with the same SQL the
 * `pretrialResult` callback uses (`pretrial_record_result`): level, pass/fail (status only
 * forward), the personal report raw and parsed, and the capital providers, whose catalogue
 * grows with every provider seen.
 */
export async function applyPretrialResult(tx: Tx, order: LockedOrder, result: PretrialResult, at: Date) {
  const args = {
    customerLevel: result.customerLevel,
    pretrialStatus: result.pretrialStatus,
    personReportRaw: result.personReport,
    personReport: parsePersonReport(result.personReport),
    errReason: result.errReason,
    platformData: result.platformData,
  };
  const [row] = await tx.$queryRaw<{ applied: boolean }[]>`SELECT pretrial_record_result(${order.id}, ${toJsonb(args)}::jsonb, ${at}) AS applied`;
  return { applied: Boolean(row?.applied) };
}
