import { z } from "zod";
import type { LanmaoServiceName } from "../services";
import { amountIn, bankCodeIn, code } from "./common";
import { withdrawTypeIn } from "./answers";

/**
 * The `respData` of each gateway interface's browser return and NOTIFY (the 回调 / 异步通知
 * tables of §2; §1.1: both carry the same parameters). A success (code 0) must carry the
 * table's fields; a failure need only say which request and why. Amounts as fen, extra fields
 * kept (§1.7).
 */
const head = { requestNo: z.string().min(1), code, description: z.string().optional() };
const card = { platformUserNo: z.string(), bankcardNo: z.string(), bankcode: bankCodeIn };
const money = { platformUserNo: z.string(), amount: amountIn, fee: amountIn, feeMode: z.string() };

export const NOTIFY_SCHEMAS = {
  PERSONAL_REGISTER: z.looseObject({ ...head, ...card, realName: z.string(), idCardType: z.string(), userRole: z.string(), idCardNo: z.string(), mobile: z.string(), accessType: z.string() }),
  ENTERPRISE_REGISTER: z.looseObject({ ...head, status: z.string(), platformUserNo: z.string(), userRole: z.string(), bankcardNo: z.string(), bankcode: bankCodeIn }),
  UNBIND_BANKCARD: z.looseObject(head),
  PERSONAL_BIND_BANKCARD: z.looseObject({ ...head, ...card, mobile: z.string() }),
  ENTERPRISE_BIND_BANKCARD: z.looseObject({ ...head, ...card }),
  RECHARGE: z.looseObject({ ...head, ...money, rechargeWay: z.string(), bankcode: bankCodeIn }),
  POS_BUILD_BARCODE: z.looseObject({ ...head, ...money, rechargeWay: z.string() }),
  WITHDRAW: z.looseObject({ ...head, ...money, withdrawType: withdrawTypeIn, bankcardNo: z.string(), bankcode: bankCodeIn }),
  USER_PRE_TRANSACTION: z.looseObject({ ...head, bizType: z.string() }),
  RESET_PASSWORD: z.looseObject(head),
} as const satisfies Partial<Record<LanmaoServiceName, z.ZodType>>;

export type LanmaoNotifyService = keyof typeof NOTIFY_SCHEMAS;
export type NotifyData<S extends LanmaoNotifyService> = z.output<(typeof NOTIFY_SCHEMAS)[S]>;

/** A failed or pending notice: only the head (ENTERPRISE_REGISTER's BACK/REFUSED carry status too). */
export const ZNotifyFailure = z.looseObject({ ...head, status: z.string().optional() });
