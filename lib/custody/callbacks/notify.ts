import "server-only";
import type { Tx } from "@/lib/db";
import type { InboundOutcome } from "@/lib/inbox/define-event";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { noticeService, readNotice, type LanmaoNotice } from "@/lib/vendors/lanmao/callback";
import { parseLanmaoTime } from "@/lib/vendors/lanmao/time";
import { decryptPii } from "@/lib/pii/vault";
import { isEnterpriseAudit, recordEnterpriseAudit, type EnterpriseAudit } from "../enterprise-status";
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

  const audit = (reading.data as { status?: unknown }).status;
  if (request.service_name === "ENTERPRISE_REGISTER" && isEnterpriseAudit(audit)) {
    // §2.2 R5: AUDIT, BACK, REFUSED and PASSED each arrive as their own notice, in any order,
    // possibly before the account row exists: each is recorded on the account, forward only.
    await enterpriseStatus(tx, requestNo, audit, reading.data as Record<string, unknown>);
    // R4: a refused registration is closed.
    if (audit === "REFUSED") await settleFailure(tx, requestNo, { code: "REFUSED", description: "ENTERPRISE_REGISTER: REFUSED", answer: reading.data as Record<string, unknown> });
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

async function enterpriseStatus(tx: Tx, requestNo: string, audit: EnterpriseAudit, data: Record<string, unknown>) {
  const rows = await tx.$queryRaw<{ platform_user_no: string | null; body_enc: string }[]>`
    SELECT platform_user_no, body_enc FROM custody_requests WHERE request_no = ${requestNo}`;
  const row = rows[0];
  const owner = row?.platform_user_no ?? (typeof data.platformUserNo === "string" ? data.platformUserNo : null);
  if (!row || !owner) return;
  const req = JSON.parse(decryptPii(row.body_enc)) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  await recordEnterpriseAudit(tx, {
    platformUserNo: owner,
    audit,
    userRole: text(req.userRole) ?? text(data.userRole) ?? "NORMAL",
    bankcardMasked: text(data.bankcardNo),
    bankcode: text(data.bankcode) ?? text(req.bankcode),
    accessType: text(data.accessType),
  });
}
