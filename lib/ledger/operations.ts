import type { Fen } from "@/lib/money";

/**
 * A custody operation 联银通 has confirmed (a direct answer with code 0, a NOTIFY with code 0,
 * or a QUERY_TRANSACTION that says SUCCESS), in integer fen. Only these are ever posted:
 * a request still waiting for its outcome is shown apart and moves no money (docs/custody.md).
 * `owner` is a platformUserNo, or a platform account type (PLATFORM_FEE_ACCOUNT, …) — §2.6 lets
 * both be recharged, and §2.13 freezes platform money the same way.
 */
export type ConfirmedOperation =
  | { kind: "RECHARGE"; requestNo: string; owner: string; amount: Fen; fee?: Fen; feeMode?: FeeMode }
  | { kind: "WITHDRAW"; requestNo: string; owner: string; amount: Fen; fee?: Fen; feeMode?: FeeMode }
  | { kind: "USER_PRE_TRANSACTION"; requestNo: string; owner: string; amount: Fen; bizType: string; projectNo?: string }
  | { kind: "PLATFORM_PRE_TRANSACTION"; requestNo: string; owner: string; amount: Fen; bizType: string; projectNo?: string }
  | { kind: "CANCEL_PRE_TRANSACTION"; requestNo: string; preTransactionNo: string; amount: Fen }
  | { kind: "CONFIRM_LOAN"; requestNo: string; projectNo: string; borrower: string; commission: Fen; details: readonly LoanDetail[] }
  | {
      kind: "CONFIRM_REPAYMENT" | "CONFIRM_COMPENSATORY";
      requestNo: string;
      projectNo: string;
      preTransactionNo: string;
      commission: Fen;
      details: readonly RepaymentDetail[];
    }
  | {
      kind: "CONFIRM_DEBENTURE_TRANSFER";
      requestNo: string;
      projectNo: string;
      preTransactionNo: string;
      commission: Fen;
      details: readonly TransferDetail[];
    }
  | { kind: "CONFIRM_PLATFORM_MARKETING"; requestNo: string; preTransactionNo: string; details: readonly MarketingDetail[] }
  | { kind: "FREEZE"; requestNo: string; owner: string; amount: Fen }
  | { kind: "UNFREEZE"; requestNo: string; oriRequestNo: string };

export type OperationKind = ConfirmedOperation["kind"];
export type FeeMode = "PLATFORM" | "USER";
export type LoanDetail = { preTransactionNo: string; amount: Fen };
export type RepaymentDetail = { platformUserNo: string; amount: Fen; income: Fen };
export type TransferDetail = { platformUserNo: string; amount: Fen; share?: Fen; originalConfirmRequestNo?: string };
export type MarketingDetail = { platformUserNo: string; amount: Fen };

/** The three platform accounts of §5.3.18 (their money lives in custody like a user's). */
export const PLATFORM_ACCOUNTS = ["PLATFORM_FEE_ACCOUNT", "PLATFORM_REPAYMENT_ACCOUNT", "PLATFORM_MARKETING_ACCOUNT"] as const;
export const FEE_ACCOUNT = "PLATFORM_FEE_ACCOUNT";

/** Operations that open a hold (frozen money named by their requestNo). */
export const HOLD_OPENERS = ["USER_PRE_TRANSACTION", "PLATFORM_PRE_TRANSACTION", "FREEZE"] as const satisfies readonly OperationKind[];

/** The holds an operation draws on: they must be open before it can be posted. */
export function holdsNeeded(op: ConfirmedOperation): string[] {
  switch (op.kind) {
    case "CANCEL_PRE_TRANSACTION":
    case "CONFIRM_REPAYMENT":
    case "CONFIRM_COMPENSATORY":
    case "CONFIRM_DEBENTURE_TRANSFER":
    case "CONFIRM_PLATFORM_MARKETING":
      return [op.preTransactionNo];
    case "CONFIRM_LOAN":
      return [...new Set(op.details.map((d) => d.preTransactionNo))];
    case "UNFREEZE":
      return [op.oriRequestNo];
    default:
      return [];
  }
}

/** One ledger transaction per confirmed operation: `serviceName:requestNo` (design.md §3 keys). */
export const opKeyOf = (op: ConfirmedOperation) => `${op.kind}:${op.requestNo}`;
