"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roleActionClient } from "@/lib/safe-action";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import { APPROVAL_ROLES, type Person } from "./approvals/approvals";
import { customerLink } from "./customer-link";
import { lanmaoPort } from "./lanmao-port";
import {
  ZAccountOnlyForm,
  ZCancelPreForm,
  ZCompensatoryForm,
  ZDebtTransferForm,
  ZEnterpriseBindForm,
  ZEnterpriseRegisterForm,
  ZFreezeForm,
  ZMarketingForm,
  ZModifyAmountForm,
  ZPersonalBindForm,
  ZPlatformPreForm,
  ZPosRechargeForm,
  ZUnfreezeForm,
} from "./op-schemas";
import { startPosRecharge } from "./pos-recharge";
import { barcodeLogKey } from "./requests/pos-keys";
import { checkBank } from "./projects/rules";
import { enforce } from "./refusal";
import { repaymentSplit } from "./repayment-split";
import { proposeDirect, startGateway } from "./service";
import { fenFrom, fenOrZeroFrom } from "./yuan";

/**
 * The operation forms of the account, project and custody pages (issue 11 §5). Each input is
 * the form's own zod schema (lib/custody/op-schemas.ts, checked again here); the service checks
 * the document's rules and refuses with the rule named before anything is sent.
 * - customer steps (gateway): logged, then handed back as the page finance opens and as a
 *   signed, expiring link + QR code for the customer's phone;
 * - money-moving direct calls: proposed for a second finance user's approval (maker-checker),
 *   sent only when approved on the custody page.
 */
const person = (u: { id: string; username: string; role: Person["role"] }): Person => ({ id: u.id, name: u.username, role: u.role });
const endpoint = () => lanmaoConfig();
const client = (name: string) => roleActionClient(APPROVAL_ROLES).metadata({ name: `custody.${name}` });

async function handOver(requestNo: string) {
  return { requestNo, href: `/api/custody/gateway/${encodeURIComponent(requestNo)}`, link: await customerLink(requestNo) };
}

function accountTouched(platformUserNo: string) {
  revalidatePath(`/custody/accounts/${encodeURIComponent(platformUserNo)}`);
  revalidatePath("/custody");
}

// ---------------------------------------------------------------- customer steps

/** §2.2 企业绑卡注册. No personal data in the audit row: the user number and request number. */
export const enterpriseRegisterAction = client("enterpriseRegister")
  .inputSchema(ZEnterpriseRegisterForm)
  .action(async ({ parsedInput: p, ctx }) => {
    enforce(checkBank("enterpriseCard", p.bankcode));
    const prepared = await startGateway(getDb(), endpoint(), { id: ctx.user.id }, "ENTERPRISE_REGISTER", { ...p });
    ctx.audit({ targetType: "custodyRequest", targetId: prepared.requestNo, after: { service: "ENTERPRISE_REGISTER", platformUserNo: p.platformUserNo } });
    revalidatePath("/custody");
    return handOver(prepared.requestNo);
  });

/** §2.4 个人绑卡 / §2.5 企业绑卡: the card is bound at 联银通 by the customer. */
export const bindCardAction = client("bindCard")
  .inputSchema(z.discriminatedUnion("kind", [ZPersonalBindForm.extend({ kind: z.literal("PERSONAL") }), ZEnterpriseBindForm.extend({ kind: z.literal("ENTERPRISE") })]))
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    const prepared =
      p.kind === "PERSONAL"
        ? await startGateway(db, endpoint(), { id: ctx.user.id }, "PERSONAL_BIND_BANKCARD", { platformUserNo: p.platformUserNo, mobile: p.mobile, bankcardNo: p.bankcardNo })
        : (enforce(checkBank("enterpriseCard", p.bankcode)),
          await startGateway(db, endpoint(), { id: ctx.user.id }, "ENTERPRISE_BIND_BANKCARD", { platformUserNo: p.platformUserNo, bankcardNo: p.bankcardNo, bankcode: p.bankcode }));
    ctx.audit({ targetType: "custodyRequest", targetId: prepared.requestNo, after: { service: prepared.service, platformUserNo: p.platformUserNo } });
    accountTouched(p.platformUserNo);
    return handOver(prepared.requestNo);
  });

/** §2.3 银行卡解绑 (only at a zero balance, checked by the service) and §2.20 修改密码. */
export const accountStepAction = client("accountStep")
  .inputSchema(ZAccountOnlyForm.extend({ service: z.enum(["UNBIND_BANKCARD", "RESET_PASSWORD"]) }))
  .action(async ({ parsedInput: p, ctx }) => {
    const prepared = await startGateway(getDb(), endpoint(), { id: ctx.user.id }, p.service, { platformUserNo: p.platformUserNo });
    ctx.audit({ targetType: "custodyRequest", targetId: prepared.requestNo, after: { service: p.service, platformUserNo: p.platformUserNo } });
    accountTouched(p.platformUserNo);
    return handOver(prepared.requestNo);
  });

/**
 * §2.7–§2.8 POS 充值: opens the order (direct, sent now — it moves nothing until the customer
 * pays), then hands over the barcode page, logged as `<requestNo>#BARCODE`.
 */
export const posRechargeAction = client("posRecharge")
  .inputSchema(ZPosRechargeForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const amount = p.amount === "" ? undefined : fenFrom("amount", p.amount);
    const barcode = await startPosRecharge(getDb(), endpoint(), lanmaoPort(), { id: ctx.user.id }, { platformUserNo: p.platformUserNo, amount });
    ctx.audit({ targetType: "custodyRequest", targetId: barcode.requestNo, after: { service: "POS_RECHARGE", platformUserNo: p.platformUserNo, amount: amount ?? null } });
    accountTouched(p.platformUserNo);
    return handOver(barcodeLogKey(barcode.requestNo));
  });

/** A fresh customer link for a gateway request already logged (the first one expired). */
export const customerLinkAction = client("customerLink")
  .inputSchema(z.object({ requestNo: z.string().trim().min(1).max(60) }))
  .action(async ({ parsedInput: p, ctx }) => {
    const req = await getDb().custodyRequest.findUnique({ where: { requestNo: p.requestNo }, select: { status: true, serviceName: true } });
    if (!req || (req.status !== "PREPARED" && req.status !== "SENT")) throw new AppError("NOT_FOUND", `no open gateway request ${p.requestNo}`);
    ctx.audit({ targetType: "custodyRequest", targetId: p.requestNo, after: { link: true } });
    return handOver(p.requestNo);
  });

// ---------------------------------------------------------------- maker-checker

async function ownHold(platformUserNo: string, holdNo: string, kind?: string) {
  const hold = await getDb().ledgerHold.findUnique({ where: { holdNo }, select: { owner: true, kind: true } });
  if (!hold || hold.owner !== platformUserNo || (kind && hold.kind !== kind)) {
    throw new AppError("INVALID_STATE", `no hold ${holdNo} of ${platformUserNo}`, { i18n: { key: "custody.holdMissing", values: { holdNo } } });
  }
}

function proposed(ctx: { audit: (e: { targetType: string; targetId: string; after?: unknown }) => void }, targetType: string, targetId: string, id: bigint, after: Record<string, unknown>) {
  ctx.audit({ targetType, targetId, after: { ...after, approvalId: String(id) } });
  revalidatePath("/custody");
  return { approvalId: String(id) };
}

/** §2.21 资金冻结. */
export const proposeFreezeAction = client("proposeFreeze")
  .inputSchema(ZFreezeForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const amount = fenFrom("amount", p.amount);
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "FREEZE", { platformUserNo: p.platformUserNo, amount });
    return proposed(ctx, "custodyAccount", p.platformUserNo, id, { service: "FREEZE", amount });
  });

/** §2.22 资金解冻: the whole hold of one of this account's freezes. */
export const proposeUnfreezeAction = client("proposeUnfreeze")
  .inputSchema(ZUnfreezeForm)
  .action(async ({ parsedInput: p, ctx }) => {
    await ownHold(p.platformUserNo, p.oriRequestNo, "FREEZE");
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "UNFREEZE", { oriRequestNo: p.oriRequestNo });
    return proposed(ctx, "custodyAccount", p.platformUserNo, id, { service: "UNFREEZE", oriRequestNo: p.oriRequestNo });
  });

/** §2.14 预处理取消: gives (part of) one of this account's pre-transactions back. */
export const proposeCancelPreAction = client("proposeCancelPre")
  .inputSchema(ZCancelPreForm)
  .action(async ({ parsedInput: p, ctx }) => {
    await ownHold(p.platformUserNo, p.preTransactionNo);
    const amount = fenFrom("amount", p.amount);
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "CANCEL_PRE_TRANSACTION", { preTransactionNo: p.preTransactionNo, amount });
    return proposed(ctx, "custodyAccount", p.platformUserNo, id, { service: "CANCEL_PRE_TRANSACTION", preTransactionNo: p.preTransactionNo, amount });
  });

/** §2.13 平台预处理: the compensatory account for COMPENSATORY, the marketing account for MARKETING. */
export const proposePlatformPreAction = client("proposePlatformPre")
  .inputSchema(ZPlatformPreForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const amount = fenFrom("amount", p.amount);
    const bizType = p.account === "PLATFORM_MARKETING_ACCOUNT" ? "MARKETING" : "COMPENSATORY";
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "PLATFORM_PRE_TRANSACTION", { platformUserNo: p.account, amount, bizType, projectNo: p.projectNo || undefined });
    return proposed(ctx, "custodyAccount", p.account, id, { service: "PLATFORM_PRE_TRANSACTION", bizType, amount, projectNo: p.projectNo || null });
  });

/** §2.19 平台营销款确认: from the platform's marketing hold to one user. */
export const proposeMarketingAction = client("proposeMarketing")
  .inputSchema(ZMarketingForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const amount = fenFrom("amount", p.amount);
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "CONFIRM_PLATFORM_MARKETING", { preTransactionNo: p.preTransactionNo, details: [{ platformUserNo: p.payee, amount }] });
    return proposed(ctx, "custodyAccount", p.payee, id, { service: "CONFIRM_PLATFORM_MARKETING", preTransactionNo: p.preTransactionNo, amount });
  });

/** §2.11 变更标的: a new amount, only while collecting (R5). */
export const proposeProjectAmountAction = client("proposeProjectAmount")
  .inputSchema(ZModifyAmountForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const projectAmount = fenFrom("amount", p.amount);
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "MODIFY_PROJECT", { projectNo: p.projectNo, projectAmount });
    revalidatePath(`/projects/${encodeURIComponent(p.projectNo)}`);
    return proposed(ctx, "custodyProject", p.projectNo, id, { service: "MODIFY_PROJECT", projectAmount });
  });

/** §2.17 代偿确认: from a COMPENSATORY hold, principal and interest split as for a repayment. */
export const proposeCompensatoryAction = client("proposeCompensatory")
  .inputSchema(ZCompensatoryForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    const { details, commission } = await repaymentSplit(db, p.projectNo, p.preTransactionNo, fenOrZeroFrom("interest", p.interest));
    const id = await proposeDirect(db, endpoint(), person(ctx.user), "CONFIRM_COMPENSATORY", { projectNo: p.projectNo, preTransactionNo: p.preTransactionNo, commission, details }, { completeRepayment: true });
    revalidatePath(`/projects/${encodeURIComponent(p.projectNo)}`);
    return proposed(ctx, "custodyProject", p.projectNo, id, { service: "CONFIRM_COMPENSATORY", commission });
  });

/** §2.18 债权转让确认: the buyer's CREDIT_ASSIGNMENT hold pays one or several sellers for shares of their debt. */
export const proposeDebtTransferAction = client("proposeDebtTransfer")
  .inputSchema(ZDebtTransferForm)
  .action(async ({ parsedInput: p, ctx }) => {
    const commission = fenOrZeroFrom("commission", p.commission);
    const details = p.sellers.map((s, i) => ({
      preTransactionNo: p.preTransactionNo,
      platformUserNo: s.seller,
      amount: fenFrom(`sellers.${i}.amount`, s.amount),
      share: fenFrom(`sellers.${i}.share`, s.share),
      originalConfirmRequestNo: s.originalConfirmRequestNo,
    }));
    const id = await proposeDirect(getDb(), endpoint(), person(ctx.user), "CONFIRM_DEBENTURE_TRANSFER", { projectNo: p.projectNo, preTransactionNo: p.preTransactionNo, commission, details });
    revalidatePath(`/projects/${encodeURIComponent(p.projectNo)}`);
    return proposed(ctx, "custodyProject", p.projectNo, id, {
      service: "CONFIRM_DEBENTURE_TRANSFER",
      sellers: details.map((d) => ({ seller: d.platformUserNo, amount: d.amount, share: d.share })),
      commission,
    });
  });
