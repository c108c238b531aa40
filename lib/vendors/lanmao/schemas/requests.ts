import { z } from "zod";
import {
  bankSupports,
  ENTERPRISE_REGISTER_ROLES,
  PERSONAL_REGISTER_ROLES,
  PLATFORM_BIZ_TYPES,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  REPAYMENT_WAYS,
  TRANSACTION_TYPES,
  USER_BIZ_TYPES,
} from "../enums";
import { bankCode, callbackUrl, expired, fenOrZero, moveFen, platformUserNo, projectNo, rateText, requestNo, s } from "./common";

/**
 * The request of every interface of §2 and §3, in the wire's field names, amounts in fen.
 * Rules the document states that need nothing but the request are refinements here, so a
 * request that breaks one is refused before anything is sent, with the rule named (issue 11,
 * Bad input). Rules that need state (project status, frozen amounts, balances) are the
 * custody area's.
 */

const feeMode = z.literal("PLATFORM", { error: "feeMode: only PLATFORM (商户承担) is supported for now (§2.6–§2.9)" });
const rule = (message: string, path: string[]) => ({ message, path });

// §2.1 个人绑卡注册
export const ZPersonalRegister = z.object({
  platformUserNo,
  requestNo,
  realName: s(),
  idCardType: z.literal("G2_IDCARD").default("G2_IDCARD"),
  userRole: z.enum(PERSONAL_REGISTER_ROLES, { error: "§2.1: a person registers only as NORMAL (普通会员)" }).default("NORMAL"),
  idCardNo: s(),
  mobile: s(),
  bankcardNo: s(),
  callbackUrl: callbackUrl(),
});

// §2.2 企业绑卡注册. The document's field names for the company papers were lost in
// transcription; these are 联银通's (懒猫) published names for the same rows, in its order.
export const ZEnterpriseRegister = z
  .object({
    requestNo,
    platformUserNo,
    enterpriseName: s(),
    bankLicense: s(),
    orgNo: s().optional(),
    businessLicense: s().optional(),
    taxNo: s().optional(),
    unifiedCode: s().optional(),
    creditCode: s().optional(),
    legal: s(),
    legalIdCardNo: s(),
    contact: s(),
    contactPhone: s(),
    userRole: z.enum(ENTERPRISE_REGISTER_ROLES, { error: "§2.2: an enterprise registers as NORMAL or GUARANTEECORP" }),
    bankcardNo: s(),
    bankcode: bankCode,
    callbackUrl: callbackUrl(),
  })
  .refine((r) => bankSupports("enterpriseCard", r.bankcode), rule("§2.2 R7: this bank is not supported for enterprise accounts", ["bankcode"]))
  .refine((r) => r.unifiedCode || (r.orgNo && r.businessLicense && r.taxNo), rule("§2.2: give the unified social credit code, or all three of organisation code, business licence and tax number", ["unifiedCode"]));

// §2.3 银行卡解绑
export const ZUnbindBankcard = z.object({ requestNo, callbackUrl: callbackUrl(), platformUserNo });

// §2.4 个人绑卡
export const ZPersonalBindBankcard = z.object({ requestNo, callbackUrl: callbackUrl(), platformUserNo, mobile: s(), bankcardNo: s() });

// §2.5 企业绑卡
export const ZEnterpriseBindBankcard = z
  .object({ requestNo, callbackUrl: callbackUrl(), platformUserNo, bankcardNo: s(), bankcode: bankCode })
  .refine((r) => bankSupports("enterpriseCard", r.bankcode), rule("§2.5 R2: this bank is not supported for enterprise cards", ["bankcode"]));

// §2.6 充值
export const ZRecharge = z
  .object({
    platformUserNo,
    requestNo,
    amount: moveFen,
    feeMode: feeMode.default("PLATFORM"),
    rechargeWay: z.enum(["NETBANK_B2B", "NETBANK_B2C"], { error: "§2.6: net-bank recharge is NETBANK_B2B or NETBANK_B2C; POS goes through POS_RECHARGE" }),
    bankcode: bankCode,
    callbackUrl: callbackUrl(),
    expired,
  })
  .superRefine((r, ctx) => {
    const b2b = r.rechargeWay === "NETBANK_B2B";
    if (!bankSupports(b2b ? "rechargeB2B" : "rechargeB2C", r.bankcode)) {
      const message = b2b ? "§2.6 R4: this bank does not offer enterprise net-bank recharge" : "§2.6 R3: this bank does not offer personal net-bank recharge";
      ctx.addIssue({ code: "custom", message, path: ["bankcode"] });
    }
  });

// §2.7 POS 充值 (amount may be left for the customer to type at 联银通)
export const ZPosRecharge = z.object({
  platformUserNo,
  requestNo,
  amount: moveFen.optional(),
  rechargeWay: z.literal("POS", { error: "§2.7: POS_RECHARGE takes only rechargeWay POS" }).default("POS"),
  feeMode: feeMode.default("PLATFORM"),
  callbackUrl: callbackUrl(),
});

// §2.8 POS 条形码生成: requestNo is the POS_RECHARGE's (R1)
export const ZPosBuildBarcode = z.object({ platformUserNo, requestNo, callbackUrl: callbackUrl(), expired });

// §2.9 提现 (withdrawType I: 0 normal T+1, 1 urgent T+0; callbackUrl length 50)
export const ZWithdraw = z.object({
  platformUserNo,
  requestNo,
  feeMode: feeMode.default("PLATFORM"),
  expired,
  callbackUrl: callbackUrl(50),
  withdrawType: z.union([z.literal(0), z.literal(1)], { error: "§2.9: withdrawType is 0 (normal, T+1) or 1 (urgent, T+0)" }).default(0),
  amount: moveFen,
});

// §2.10 创建标的 (`annnualInterestRate` with three n, as the document writes it)
export const ZEstablishProject = z.object({
  requestNo,
  platformUserNo,
  projectNo,
  projectAmount: moveFen,
  projectName: s(),
  projectType: z.enum(Object.keys(PROJECT_TYPES) as ["STANDARDPOWDER"]).default("STANDARDPOWDER"),
  annnualInterestRate: rateText,
  repaymentWay: z.enum(Object.keys(REPAYMENT_WAYS) as [keyof typeof REPAYMENT_WAYS, ...(keyof typeof REPAYMENT_WAYS)[]]),
});

// §2.11 变更标的
export const ZModifyProject = z
  .object({
    requestNo,
    projectNo,
    status: z.enum(Object.keys(PROJECT_STATUSES) as [keyof typeof PROJECT_STATUSES, ...(keyof typeof PROJECT_STATUSES)[]]).optional(),
    projectAmount: moveFen.optional(),
  })
  .refine((r) => r.status !== undefined || r.projectAmount !== undefined, rule("§2.11: change the status, the amount, or both", ["status"]));

// §2.12 用户预处理
export const ZUserPreTransaction = z.object({
  requestNo,
  platformUserNo,
  bizType: z.enum(USER_BIZ_TYPES, { error: "§2.12: a user freezes for TENDER, REPAYMENT, CREDIT_ASSIGNMENT or COMPENSATORY" }),
  amount: moveFen,
  expired,
  remark: s().optional(),
  callbackUrl: callbackUrl(),
  projectNo,
});

// §2.13 平台预处理
export const ZPlatformPreTransaction = z.object({
  requestNo,
  platformUserNo,
  amount: moveFen,
  bizType: z.enum(PLATFORM_BIZ_TYPES, { error: "§2.13: the platform freezes for COMPENSATORY or MARKETING" }),
  projectNo: projectNo.optional(),
});

// §2.14 预处理取消
export const ZCancelPreTransaction = z.object({ requestNo, preTransactionNo: s(), amount: moveFen });

// §2.15 放款确认
export const ZConfirmLoan = z.object({
  requestNo,
  projectNo,
  commission: fenOrZero.optional(),
  details: z.array(z.object({ preTransactionNo: s(), amount: moveFen })).min(1, "§2.15: at least one loan detail"),
});

/** §2.16 / §2.17: principal may be zero (an interest-only instalment), the two together not. */
const repaymentDetail = z
  .object({ platformUserNo, amount: fenOrZero, income: fenOrZero })
  .refine((d) => d.amount + d.income > 0, rule("a detail must pay principal or interest", ["amount"]));
const noInvestorTwice = (details: { platformUserNo: string }[]) => new Set(details.map((d) => d.platformUserNo)).size === details.length;

const ZRepaymentLike = (section: string) =>
  z
    .object({
      requestNo,
      preTransactionNo: s(),
      projectNo,
      commission: fenOrZero.optional(),
      details: z.array(repaymentDetail).min(1, `${section}: at least one investor detail`),
    })
    .refine((r) => noInvestorTwice(r.details), rule(`${section}: each investor once per confirmation`, ["details"]));

// §2.16 还款确认
export const ZConfirmRepayment = ZRepaymentLike("§2.16");
// §2.17 代偿确认
export const ZConfirmCompensatory = ZRepaymentLike("§2.17");

// §2.18 债权转让确认
export const ZConfirmDebentureTransfer = z.object({
  requestNo,
  projectNo,
  commission: fenOrZero.optional(),
  preTransactionNo: s(),
  details: z
    .array(
      z
        .object({ preTransactionNo: s(), platformUserNo, amount: moveFen, share: moveFen.optional(), originalConfirmRequestNo: s() })
        .refine((d) => d.share === undefined || d.amount >= d.share, rule("§2.18: the payment may not be less than the share transferred", ["amount"])),
    )
    .min(1, "§2.18: at least one transfer detail"),
});

// §2.19 平台营销款确认
export const ZConfirmPlatformMarketing = z.object({
  requestNo,
  preTransactionNo: s(),
  details: z.array(z.object({ platformUserNo, amount: moveFen })).min(1, "§2.19: at least one payee"),
});

// §2.20 修改密码 (callbackUrl length 50)
export const ZResetPassword = z.object({ requestNo, platformUserNo, callbackUrl: callbackUrl(50) });

// §2.21 资金冻结
export const ZFreeze = z.object({ platformUserNo, requestNo, amount: moveFen });

// §2.22 资金解冻: releases the whole hold of the original FREEZE; it has no requestNo of its own.
export const ZUnfreeze = z.object({ oriRequestNo: s() });

// §3.1–§3.4
export const ZQueryUserInformation = z.object({ platformUserNo });
export const ZQueryPlatformInformation = z.object({});
export const ZQueryTransaction = z.object({ requestNo, transactionType: z.enum(TRANSACTION_TYPES) });
export const ZQueryProjectInformation = z.object({ projectNo });
