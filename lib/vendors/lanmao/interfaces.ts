import type { z } from "zod";
import * as A from "./schemas/answers";
import * as Q from "./schemas/requests";
import type { LanmaoServiceName } from "./services";

/**
 * Every interface of §2 and §3: its request schema (domain input, fen) and, for direct ones,
 * its success answer. Gateway interfaces answer through the browser return and NOTIFY
 * (schemas/notify.ts). QUERY_TRANSACTION's answer depends on `transactionType`
 * (schemas/answers.ts TRANSACTION_RECORDS); the generic entry reads the head only.
 */
export const LANMAO_INTERFACES = {
  PERSONAL_REGISTER: { request: Q.ZPersonalRegister },
  ENTERPRISE_REGISTER: { request: Q.ZEnterpriseRegister },
  UNBIND_BANKCARD: { request: Q.ZUnbindBankcard },
  PERSONAL_BIND_BANKCARD: { request: Q.ZPersonalBindBankcard },
  ENTERPRISE_BIND_BANKCARD: { request: Q.ZEnterpriseBindBankcard },
  RECHARGE: { request: Q.ZRecharge },
  POS_RECHARGE: { request: Q.ZPosRecharge, answer: A.ZPosRechargeAnswer },
  POS_BUILD_BARCODE: { request: Q.ZPosBuildBarcode },
  WITHDRAW: { request: Q.ZWithdraw },
  ESTABLISH_PROJECT: { request: Q.ZEstablishProject, answer: A.ZCodeAnswer },
  MODIFY_PROJECT: { request: Q.ZModifyProject, answer: A.ZModifyProjectAnswer },
  USER_PRE_TRANSACTION: { request: Q.ZUserPreTransaction },
  PLATFORM_PRE_TRANSACTION: { request: Q.ZPlatformPreTransaction, answer: A.ZCodeAnswer },
  CANCEL_PRE_TRANSACTION: { request: Q.ZCancelPreTransaction, answer: A.ZCodeAnswer },
  CONFIRM_LOAN: { request: Q.ZConfirmLoan, answer: A.ZCodeAnswer },
  CONFIRM_REPAYMENT: { request: Q.ZConfirmRepayment, answer: A.ZCodeAnswer },
  CONFIRM_COMPENSATORY: { request: Q.ZConfirmCompensatory, answer: A.ZCodeAnswer },
  CONFIRM_DEBENTURE_TRANSFER: { request: Q.ZConfirmDebentureTransfer, answer: A.ZCodeAnswer },
  CONFIRM_PLATFORM_MARKETING: { request: Q.ZConfirmPlatformMarketing, answer: A.ZCodeAnswer },
  RESET_PASSWORD: { request: Q.ZResetPassword },
  FREEZE: { request: Q.ZFreeze, answer: A.ZCodeAnswer },
  UNFREEZE: { request: Q.ZUnfreeze, answer: A.ZCodeAnswer },
  QUERY_USER_INFORMATION: { request: Q.ZQueryUserInformation, answer: A.ZUserInformation },
  QUERY_PLATFORM_INFORMATION: { request: Q.ZQueryPlatformInformation, answer: A.ZPlatformInformation },
  QUERY_TRANSACTION: { request: Q.ZQueryTransaction, answer: A.ZOtherRecord },
  QUERY_PROJECT_INFORMATION: { request: Q.ZQueryProjectInformation, answer: A.ZProjectInformation },
} as const satisfies Partial<Record<LanmaoServiceName, { request: z.ZodType; answer?: z.ZodType }>>;

type Interfaces = typeof LANMAO_INTERFACES;
export type LanmaoInterfaceName = keyof Interfaces;
/** What the caller gives (fen, optional defaults). */
export type LanmaoRequestInput<S extends LanmaoInterfaceName> = z.input<Interfaces[S]["request"]>;
/** The request after validation and defaults, before the wire conversion. */
export type LanmaoRequest<S extends LanmaoInterfaceName> = z.output<Interfaces[S]["request"]>;

export type LanmaoDirectInterface = { [K in LanmaoInterfaceName]: Interfaces[K] extends { answer: z.ZodType } ? K : never }[LanmaoInterfaceName];
export type LanmaoGatewayInterface = Exclude<LanmaoInterfaceName, LanmaoDirectInterface>;
export type LanmaoAnswerData<S extends LanmaoDirectInterface> = Interfaces[S] extends { answer: infer Z extends z.ZodType } ? z.output<Z> : never;

export function isDirectInterface(name: LanmaoInterfaceName): name is LanmaoDirectInterface {
  return "answer" in LANMAO_INTERFACES[name];
}
