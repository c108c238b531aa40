import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signFileUrl } from "@/lib/files/signed-url";
import { logger } from "@/lib/logger";
import { parseIdNumber } from "@/lib/pii/id-card";
import { maskIdNumber, maskMobile } from "@/lib/pii/mask";
import { decryptPii, decryptRequiredPii, nameColumns, protectPii } from "@/lib/pii/vault";
import { wanwangConfig } from "@/lib/vendors/config";
import { createWanwangClient } from "@/lib/vendors/wanwang/client";
import { isAmbiguousFailure } from "@/lib/vendors/core/errors";
import { isDuplicateRefusal } from "@/lib/vendors/wanwang/errors";
import type { TPretrialOrderInput } from "./schemas";
import { nextOutsideOrderId } from "./sequence";

/** How long a submission attempt holds its claim on an order (longer than the vendor timeout). */
const CLAIM_MS = 60_000;

/**
 * Creates the order (once per form submission: the idempotency key) in SUBMITTING, before any
 * vendor call, so nothing is lost whatever happens next.
 */
export async function createPretrialOrder(db: Db, user: SessionUser, input: TPretrialOrderInput, photos: { frontId: string; backId: string }) {
  const existing = await db.pretrialOrder.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { order: existing, created: false };
  const config = wanwangConfig();
  const { birthDate, sex } = parseIdNumber(input.idNumber);
  const id = protectPii(input.idNumber, "id");
  const mobile = protectPii(input.mobile, "mobile");
  return db.$transaction(async (tx) => {
    const [order] = await tx.pretrialOrder.createManyAndReturn({
      data: [
        {
          idempotencyKey: input.idempotencyKey,
          outsideOrderId: await nextOutsideOrderId(tx),
          status: "SUBMITTING",
          ...nameColumns("customerName", input.customerName),
          idNumberEnc: id.enc,
          idNumberIdx: id.idx,
          idNumberMasked: maskIdNumber(input.idNumber),
          mobileEnc: mobile.enc,
          mobileIdx: mobile.idx,
          mobileMasked: maskMobile(input.mobile),
          birthDate,
          sex,
          dealerName: input.dealerName,
          channel: config.channel,
          creditType: config.creditType,
          socialCreditCode: config.socialCreditCode,
          photoFrontId: photos.frontId,
          photoBackId: photos.backId,
          officerId: user.id,
          retriedFromId: input.retriedFromId,
        },
      ],
      skipDuplicates: true,
    });
    // A concurrent double submit lost the race on the idempotency key: return the winner's order.
    if (!order) return { order: await tx.pretrialOrder.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }), created: false };
    await tx.pretrialEvent.create({ data: { orderId: order.id, kind: "CREATED", occurredAt: new Date() } });
    return { order, created: true };
  });
}

/**
 * Sends `netCredit` for an order still in SUBMITTING. Always the same `outsideOrderId`, and a
 * claim on the row keeps two attempts (double click, two replicas, the retry job) from
 * overlapping — so a retry can never create a second vendor order.
 */
export async function submitPretrialOrder(db: Db, orderId: string, account: string) {
  // The channel, credit type and social credit code are configuration: each attempt sends the
  // values in force (a retry after fixing the configuration must not resend the old ones) and
  // the order records what was last sent. The person, photos and outsideOrderId are the order's.
  const config = wanwangConfig();
  const claimed = await db.pretrialOrder.updateManyAndReturn({
    where: { id: orderId, status: "SUBMITTING", OR: [{ submitClaimedAt: null }, { submitClaimedAt: { lt: new Date(Date.now() - CLAIM_MS) } }] },
    data: { submitClaimedAt: new Date(), submitAttempts: { increment: 1 }, channel: config.channel, creditType: config.creditType, socialCreditCode: config.socialCreditCode },
  });
  const order = claimed[0];
  if (!order) return db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });

  const request = {
    channel: order.channel,
    creditType: order.creditType,
    dealersName: order.dealerName ?? undefined,
    outsideOrderId: order.outsideOrderId,
    personList: [
      {
        // design.md §3: licenceFrontUrl is the portrait side, licenceBackUrl the emblem side.
        attach: { licenceFrontUrl: signFileUrl(order.photoFrontId), licenceBackUrl: signFileUrl(order.photoBackId) },
        certificateNum: decryptPii(order.idNumberEnc),
        contactPhone: decryptPii(order.mobileEnc),
        // The one place the name leaves encrypted storage: the request to the vendor.
        custName: decryptRequiredPii(order.customerNameEnc, "customerName"),
        personType: 1 as const,
      },
    ],
    socialCreditCode: order.socialCreditCode,
  };
  try {
    const data = await createWanwangClient(config).netCredit(request, { account });
    await db.$transaction(async (tx) => {
      await tx.pretrialEvent.create({ data: { orderId, kind: "SUBMITTED", data: { querySn: data.querySn }, occurredAt: new Date() } });
      // Callbacks may have overtaken this answer (signed 0 already applied, a wechatShare
      // waiting for the querySn): never lower the status, release what waited (issue 8, wire 2).
      await tx.$queryRaw`SELECT pretrial_accept_net_credit(${orderId}, ${data.querySn}, ${data.contractUrl ?? null})::text AS status`;
    });
    return db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    // A duplicate refusal of our resend means 万网 has the order: wait for its callbacks,
    // which carry the querySn (design.md §3). Never a rejection.
    if (isDuplicateRefusal(error)) {
      logger.warn({ orderId, outsideOrderId: order.outsideOrderId }, "netCredit resend refused as a duplicate: the vendor has the order");
      await db.$transaction([
        db.pretrialEvent.create({ data: { orderId, kind: "DUPLICATE_REFUSED", message: reason, occurredAt: new Date() } }),
        db.pretrialOrder.update({ where: { id: orderId }, data: { vendorHasOrderAt: new Date(), lastError: reason, submitClaimedAt: null } }),
      ]);
      return db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
    }
    // A refusal (code ≠ 0) is final: the vendor saw the order and said no. Anything else may
    // or may not have reached the vendor, so the order stays SUBMITTING for a safe retry.
    const refused = error instanceof AppError && error.code === "VENDOR_REJECTED";
    logger.warn({ orderId, outsideOrderId: order.outsideOrderId, refused, ambiguous: isAmbiguousFailure(error) }, "netCredit failed");
    await db.$transaction([
      db.pretrialEvent.create({ data: { orderId, kind: refused ? "REJECTED" : "SUBMIT_FAILED", message: reason, occurredAt: new Date() } }),
      // Only from SUBMITTING: a callback that overtook the failure has moved the order on.
      db.pretrialOrder.updateMany({
        where: { id: orderId, status: "SUBMITTING" },
        data: refused ? { status: "REJECTED", errReason: reason, lastError: reason, submitClaimedAt: null } : { lastError: reason, submitClaimedAt: null },
      }),
    ]);
    return db.pretrialOrder.findUniqueOrThrow({ where: { id: orderId } });
  }
}
