import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import { prepareLanmaoRequest, type PreparedLanmaoRequest } from "@/lib/vendors/lanmao/client";
import { markHandedToBrowser, recordRequest, settleFailure } from "./requests/log";
import { barcodeLogKey } from "./requests/pos-keys";
import type { CustodyPort } from "./requests/port";
import { sendLogged } from "./requests/send";
import { newRequestNo, type CustodyEndpoint } from "./service";

/**
 * POS recharge (§2.7 + §2.8): POS_RECHARGE (direct) opens an order; POS_BUILD_BARCODE (gateway)
 * shows the customer the barcode for that order and MUST carry the same requestNo (§2.8 R1,
 * design.md §3). custody_requests has one row per request_no, so the two steps are logged as:
 * - `<requestNo>` — POS_RECHARGE, no ledger operation: custody's answer only says the order
 *   exists (twin: status INIT); nothing moved yet. Retry policy as services.ts says
 *   (not idempotent → QUERY_TRANSACTION first).
 * - `<requestNo>#BARCODE` — POS_BUILD_BARCODE, carrying the RECHARGE operation. Its NOTIFY
 *   (serviceName POS_BUILD_BARCODE, the wire requestNo) settles this row, once, with the
 *   amount custody reports (the customer may type it at the terminal).
 * The order opened here moves no money by itself, so it is sent at once like the gateway
 * RECHARGE (no maker-checker): money moves only when the customer pays at the terminal.
 */
export type PosRechargeInput = { platformUserNo: string; amount?: number };

export async function startPosRecharge(db: Db, endpoint: CustodyEndpoint, port: CustodyPort, who: { id: string } | null, input: PosRechargeInput): Promise<PreparedLanmaoRequest<"POS_BUILD_BARCODE">> {
  const account = await db.custodyAccount.findUnique({ where: { platformUserNo: input.platformUserNo }, select: { status: true } });
  if (!account) throw new AppError("NOT_FOUND", `custody account ${input.platformUserNo} is not known`);
  const requestNo = newRequestNo();
  const order = prepareLanmaoRequest(endpoint, "POS_RECHARGE", { platformUserNo: input.platformUserNo, requestNo, amount: input.amount, callbackUrl: endpoint.returnUrl });
  // Both rows are written before anything is sent.
  const barcode = prepareLanmaoRequest(endpoint, "POS_BUILD_BARCODE", { platformUserNo: input.platformUserNo, requestNo, callbackUrl: endpoint.returnUrl });
  const operation: ConfirmedOperation = { kind: "RECHARGE", requestNo, owner: input.platformUserNo, amount: input.amount ?? 0, feeMode: "PLATFORM" };
  await db.$transaction(async (tx) => {
    await recordRequest(tx, { requestNo, serviceName: "POS_RECHARGE", reqData: order.form.reqData, platformUserNo: input.platformUserNo, amount: input.amount ?? null, createdById: who?.id ?? null });
    await recordRequest(tx, {
      requestNo: barcodeLogKey(requestNo),
      serviceName: "POS_BUILD_BARCODE",
      reqData: barcode.form.reqData,
      operation,
      platformUserNo: input.platformUserNo,
      amount: input.amount ?? null,
      createdById: who?.id ?? null,
    });
  });
  const sent = await sendLogged(db, port, requestNo);
  if (sent.status !== "SUCCEEDED") {
    // No order at custody: the barcode step never goes to the browser. Refused → the barcode row
    // fails with it; unknown → it stays PREPARED while the worker resolves the order.
    if (sent.status === "FAILED") await settleFailure(db, barcodeLogKey(requestNo), { code: "ORDER_FAILED", description: `POS_RECHARGE ${requestNo} failed` });
    throw new AppError("CONFLICT", `POS_RECHARGE ${requestNo} is ${sent.status}: no barcode`);
  }
  await markHandedToBrowser(db, barcodeLogKey(requestNo));
  return barcode;
}
