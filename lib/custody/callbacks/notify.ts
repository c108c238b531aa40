import "server-only";
import type { Tx } from "@/lib/db";
import type { InboundOutcome } from "@/lib/inbox/define-event";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { noticeService, readNotice, type LanmaoNotice } from "@/lib/vendors/lanmao/callback";
import { parseLanmaoTime } from "@/lib/vendors/lanmao/time";
import { postWaitingIn, settleFailure, settleSuccess } from "../requests/log";
import { logKeyForNotice } from "../requests/pos-keys";

/**
 * What a verified 联银通 NOTIFY does (design.md §2–§3). The inbox has recorded it and keys it by
 * serviceName + requestNo + reported status, so a retried delivery never reaches here twice;
 * and because a request's outcome is final once set (custody_requests_forward_only), a NOTIFY
 * arriving after the browser return, after QUERY_TRANSACTION, or after a different status
 * cannot move anything backwards. A success posts the operation (amounts as custody reports
 * them) in the same transaction, then anything that was waiting for it.
 */
export async function handleLanmaoNotify(tx: Tx, _event: unknown, notice: LanmaoNotice): Promise<InboundOutcome> {
  const reading = readNotice(notice);
  // POS_BUILD_BARCODE carries the POS_RECHARGE requestNo (§2.8 R1); its own row is `#BARCODE`.
  const requestNo = logKeyForNotice(noticeService(notice), notice.resp.requestNo);
  const rows = await tx.$queryRaw<{ service_name: string; status: string }[]>`
    SELECT service_name, status FROM custody_requests WHERE request_no = ${requestNo} FOR UPDATE`;
  const request = rows[0];
  // Every request is logged before it is sent: a notice for a number we never used is foreign.
  if (!request) return { status: "unmatched", reason: `no custody request ${requestNo}` };
  if (reading.kind === "unknown") return { status: "unmatched", reason: reading.reason };
  const processed: InboundOutcome = { status: "processed", targetType: "custodyRequest", targetId: requestNo };

  if (reading.service === "ENTERPRISE_REGISTER" || (reading.kind === "failure" && request.service_name === "ENTERPRISE_REGISTER")) {
    // §2.2 R5: AUDIT, BACK, REFUSED and PASSED each arrive as their own notice.
    await enterpriseStatus(tx, requestNo, String((reading.data as { status?: string }).status ?? ""));
  }
  if (reading.kind === "failure") {
    await settleFailure(tx, requestNo, { code: reading.data.code, description: reading.data.description, answer: reading.data });
    return processed;
  }
  if (reading.service === "ENTERPRISE_REGISTER" && reading.data.status !== "PASSED") return processed;

  const data = reading.data as Record<string, unknown>;
  const confirmedAt = parseLanmaoTime(String(data.transactionTime ?? "")) ?? new Date();
  const result = await settleSuccess(tx, requestNo, { confirmedAt, code: "0", answer: data, patch: patchFrom(reading.service, data) });
  if (result.ledger === "POSTED") await postWaitingIn(tx);
  return processed;
}

/** What only custody knows when it confirms: the amount (POS) and the fee actually charged. */
function patchFrom(service: string, data: Record<string, unknown>): Partial<ConfirmedOperation> | undefined {
  if (service !== "RECHARGE" && service !== "POS_BUILD_BARCODE" && service !== "WITHDRAW") return undefined;
  const feeMode = data.feeMode === "USER" ? "USER" : "PLATFORM";
  return { amount: data.amount as number, fee: data.fee as number, feeMode } as Partial<ConfirmedOperation>;
}

async function enterpriseStatus(tx: Tx, requestNo: string, audit: string) {
  const status = audit === "PASSED" ? "ACTIVE" : audit === "BACK" || audit === "REFUSED" ? audit : "AUDIT";
  await tx.$executeRaw`UPDATE custody_accounts SET status = ${status}, updated_at = now()
    WHERE platform_user_no = (SELECT platform_user_no FROM custody_requests WHERE request_no = ${requestNo}) AND status <> 'REFUSED'`;
}
