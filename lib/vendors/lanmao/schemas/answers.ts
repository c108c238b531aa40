import { z } from "zod";
import { readConfirmTradeType, readWithdrawType } from "../enums";
import { amountIn, bankCodeIn, boolIn, code, timeIn } from "./common";

/**
 * The successful direct answers of §2 and §3 (`respData` with `code` 0), amounts as fen.
 * Loose objects: fields 联银通 adds later pass through untouched (§1.7), and the client keeps
 * the raw `respData` text beside the parsed value. A refusal (code ≠ 0) is read by the client
 * from the head alone, since it need not carry the success fields.
 */
const head = { code, description: z.string().optional() };
const rate = z.union([z.string(), z.number()]).transform(String);

/** Interfaces whose answer is only code + description. */
export const ZCodeAnswer = z.looseObject(head);

// §2.7
export const ZPosRechargeAnswer = z.looseObject({ ...head, requestNo: z.string() });

// §2.11
export const ZModifyProjectAnswer = z.looseObject({ ...head, status: z.string() });

// §3.1 (activeStatus: 5.3.8 ACTIVATED as a boolean)
export const ZUserInformation = z.looseObject({
  ...head,
  platformUserNo: z.string(),
  userType: z.string(),
  userRole: z.string(),
  auditStatus: z.string().optional(),
  activeStatus: boolIn,
  balance: amountIn,
  availableAmount: amountIn,
  freezeAmount: amountIn,
  bankcardNo: z.string().optional(),
  bankcode: bankCodeIn.optional(),
  mobile: z.string(),
});

// §3.2 (repaymentBalance / repaymentFreeze are the 代偿 account's)
export const ZPlatformInformation = z.looseObject({
  ...head,
  feeBalance: amountIn,
  repaymentBalance: amountIn,
  repaymentFreeze: amountIn,
  marketingBalance: amountIn,
  marketingFreeze: amountIn,
});

// §3.3, one shape per transactionType. transactionTime is empty until the transaction completes.
const txTimes = { createTime: timeIn, transactionTime: timeIn.optional(), status: z.string() };
export const ZRechargeRecord = z.looseObject({ ...head, ...txTimes, amount: amountIn, platformUserNo: z.string(), rechargeWay: z.string(), fee: amountIn, bankcode: bankCodeIn.optional() });
export const ZWithdrawRecord = z.looseObject({ ...head, ...txTimes, amount: amountIn, platformUserNo: z.string(), fee: amountIn, feeMode: z.string(), bankcardNo: z.string().optional() });
export const ZPreTransactionRecord = z.looseObject({
  ...head,
  ...txTimes,
  pretransactionType: z.string(),
  bizType: z.string(),
  platformUserNo: z.string().optional(),
  freezeAmount: amountIn,
  unfreezeAmount: amountIn,
});
export const ZConfirmRecord = z.looseObject({
  ...head,
  ...txTimes,
  projectNo: z.string().optional(),
  confirmTradeType: z.string().transform((t) => readConfirmTradeType(t) ?? t),
  requestNo: z.string(),
  commission: amountIn.optional(),
});
export const ZFreezeRecord = z.looseObject({ ...head, ...txTimes, platformUserNo: z.string(), requestNo: z.string().optional(), amount: amountIn });
/** REGISTER, BINDKIND, UNBIND_BANKCARD, ESTABLISH_PROJECT, MODIFY_PROJECT: the document lists no fields. */
export const ZOtherRecord = z.looseObject({ ...head, status: z.string().optional(), createTime: timeIn.optional(), transactionTime: timeIn.optional() });

export const TRANSACTION_RECORDS = {
  RECHARGE: ZRechargeRecord,
  WITHDRAW: ZWithdrawRecord,
  PRETRANSATION: ZPreTransactionRecord,
  TRANSACTIONCONFIRM_TRADE: ZConfirmRecord,
  FREEZE: ZFreezeRecord,
  REGISTER: ZOtherRecord,
  BINDKIND: ZOtherRecord,
  UNBIND_BANKCARD: ZOtherRecord,
  ESTABLISH_PROJECT: ZOtherRecord,
  MODIFY_PROJECT: ZOtherRecord,
} as const;

// §3.4 (`IoanAmount` in the document is `loanAmount`; both read)
export const ZProjectInformation = z
  .looseObject({
    ...head,
    platformUserNo: z.string(),
    projectNo: z.string(),
    projectAmount: amountIn,
    projectName: z.string(),
    projectType: z.string(),
    annnualInterestRate: rate,
    repaymentWay: z.string(),
    status: z.string(),
    loanAmount: amountIn.optional(),
    IoanAmount: amountIn.optional(),
    repaymentAmount: amountIn,
    income: amountIn,
  })
  .transform(({ IoanAmount, ...rest }) => ({ ...rest, loanAmount: rest.loanAmount ?? IoanAmount ?? 0 }));

/** withdrawType as 0/1 whichever spelling arrives (design.md §3). */
export const withdrawTypeIn = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const t = readWithdrawType(v);
  if (t === null) {
    ctx.addIssue({ code: "custom", message: "withdrawType is 0/1 or NORMAL/URGENT" });
    return z.NEVER;
  }
  return t;
});
