import { isValidBankCard, isValidMobile } from "@/lib/pii/id-card";
import { z } from "@/lib/validation";
import { ENTERPRISE_REGISTER_ROLES } from "@/lib/vendors/lanmao/enums";

/**
 * The custody operation forms' inputs, shared by the browser (react-hook-form) and the server
 * actions, so both say the same thing. Each rule's message is a key of the `validation`
 * namespace — one translated message per field. Amounts are yuan text here (≤ 2 decimals,
 * under one billion); the actions turn them into fen. Rules that need state (project status,
 * balances, holds) are the service's (lib/custody/projects/rules.ts), refused with the rule named.
 */

/** Request, project and user numbers: what 联银通 accepts (letters, digits, `_`, `-`), ≤ 50. */
export const zNo = z
  .string()
  .trim()
  .min(1)
  .max(50, "custodyNo")
  .regex(/^[A-Za-z0-9_-]+$/, "custodyNo");

const YUAN = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;
/** A money movement: positive yuan with at most two decimals. */
export const zYuan = z
  .string()
  .trim()
  .min(1)
  .regex(YUAN, "amount")
  .refine((v) => Number(v) > 0, "amount");
/** Commission and interest: zero allowed, blank means zero. */
export const zYuanOrZero = z
  .string()
  .trim()
  .refine((v) => v === "" || YUAN.test(v), "amount");

const zBankcode = z.string().trim().toUpperCase().regex(/^[A-Z]{4}$/, "custodyBankcode");
const zBankcard = z.string().trim().min(1).refine(isValidBankCard, "bankCard");
const zMobile = z.string().trim().min(1).refine(isValidMobile, "mobile");
const zText = z.string().trim().min(1).max(50, "too_big");

// ---------------------------------------------------------------- customer steps (gateway)

export const ZEnterpriseRegisterForm = z.object({
  platformUserNo: zNo,
  enterpriseName: zText,
  unifiedCode: z.string().trim().min(1).max(50, "too_big").regex(/^[0-9A-Z]{18}$/, "custodyUnifiedCode"),
  bankLicense: zText,
  legal: zText,
  legalIdCardNo: zText,
  contact: zText,
  contactPhone: zMobile,
  userRole: z.enum(ENTERPRISE_REGISTER_ROLES),
  bankcardNo: zBankcard,
  bankcode: zBankcode,
});
export const ZPersonalBindForm = z.object({ platformUserNo: zNo, mobile: zMobile, bankcardNo: zBankcard });
export const ZEnterpriseBindForm = z.object({ platformUserNo: zNo, bankcardNo: zBankcard, bankcode: zBankcode });
export const ZAccountOnlyForm = z.object({ platformUserNo: zNo });
/** §2.7 POS 充值: the amount is optional — left blank, the customer types it at the terminal. */
export const ZPosRechargeForm = z.object({
  platformUserNo: zNo,
  amount: z
    .string()
    .trim()
    .refine((v) => v === "" || (YUAN.test(v) && Number(v) > 0), "amount"),
});

// ---------------------------------------------------------------- maker-checker (direct)

export const ZFreezeForm = z.object({ platformUserNo: zNo, amount: zYuan });
export const ZUnfreezeForm = z.object({ platformUserNo: zNo, oriRequestNo: zNo });
export const ZCancelPreForm = z.object({ platformUserNo: zNo, preTransactionNo: zNo, amount: zYuan });
export const ZPlatformPreForm = z.object({
  account: z.enum(["PLATFORM_REPAYMENT_ACCOUNT", "PLATFORM_MARKETING_ACCOUNT"]),
  amount: zYuan,
  projectNo: z.union([z.literal(""), zNo]),
});
export const ZMarketingForm = z.object({ preTransactionNo: zNo, payee: zNo, amount: zYuan });
export const ZModifyAmountForm = z.object({ projectNo: zNo, amount: zYuan });
export const ZCompensatoryForm = z.object({ projectNo: zNo, preTransactionNo: zNo, interest: zYuanOrZero });
/** One seller of a debt transfer: whose debt, from which original purchase, paid how much for what share. */
export const ZTransferSellerLine = z
  .object({ seller: zNo, originalConfirmRequestNo: zNo, amount: zYuan, share: zYuan })
  // §2.18: the buyer pays at least the share of the debt they take over.
  .refine((f) => !YUAN.test(f.amount) || !YUAN.test(f.share) || Number(f.amount) >= Number(f.share), { message: "custodyShareAbovePayment", path: ["share"] });
/** Several sellers may be paid from one buyer's hold in one confirmation (§2.18 details). */
export const MAX_TRANSFER_SELLERS = 10;
export const ZDebtTransferForm = z.object({
  projectNo: zNo,
  preTransactionNo: zNo,
  commission: zYuanOrZero,
  sellers: z.array(ZTransferSellerLine).min(1, "too_small").max(MAX_TRANSFER_SELLERS, "too_big"),
});
export type TDebtTransferForm = z.infer<typeof ZDebtTransferForm>;

export type TFreezeForm = z.infer<typeof ZFreezeForm>;

/** A user's pre-transaction on a project (gateway), e.g. a buyer's CREDIT_ASSIGNMENT or a guarantor's COMPENSATORY. */
export const ZUserPreForm = z.object({ platformUserNo: zNo, amount: zYuan });

/** A ledger correction: the transaction to reverse and why (required, audited). */
export const ZReversalForm = z.object({ transactionId: z.string().regex(/^\d{1,18}$/, "invalid_value"), reason: z.string().trim().min(1).max(500, "too_big") });
