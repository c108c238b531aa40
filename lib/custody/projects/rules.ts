import type { Fen } from "@/lib/money";
import { bankSupports, type BankOperation } from "@/lib/vendors/lanmao/enums";

/**
 * The document's business rules, checked before anything is sent (issue 11 §2) and explained
 * when they block: each refusal names its rule, translated under `errors.custody.<rule>` in
 * zh-CN and en. Pure functions over what the console knows; the custody side checks again.
 */

export type ProjectStatus = "COLLECTING" | "REPAYING" | "FINISH" | "MISCARRY";
export const PROJECT_STATUS_ORDER: readonly ProjectStatus[] = ["COLLECTING", "REPAYING", "FINISH", "MISCARRY"];

export type CustodyRule =
  | "projectBackwards"
  | "projectAmountFrozen"
  | "projectNotCollecting"
  | "projectNotRepaying"
  | "projectClosed"
  | "detailsNotFrozen"
  | "confirmationsExceedFrozen"
  | "repaymentNotInvestor"
  | "unbindBalanceNotZero"
  | "withdrawNoCard"
  | "bankNotSupported"
  | "amountNotPositive"
  | "insufficientAvailable"
  | "transferNoSeller"
  | "transferShareAbovePayment"
  | "transferSellerIsBuyer"
  | "transferOriginalNotSellers"
  | "transferShareExceedsHolding";

export type Refusal = { rule: CustodyRule; values?: Record<string, string | number> };
const refuse = (rule: CustodyRule, values?: Refusal["values"]): Refusal => ({ rule, values });

/** §2.11 R6: 募集中 → 还款中 → 已截标, 募集中 → 流标. Never backwards, never skipping. */
const NEXT: Record<ProjectStatus, readonly ProjectStatus[]> = {
  COLLECTING: ["REPAYING", "MISCARRY"],
  REPAYING: ["FINISH"],
  FINISH: [],
  MISCARRY: [],
};

export function nextStatuses(from: ProjectStatus): readonly ProjectStatus[] {
  return NEXT[from];
}

export function checkStatusChange(from: ProjectStatus, to: ProjectStatus): Refusal | null {
  if (from === to) return null;
  return NEXT[from].includes(to) ? null : refuse("projectBackwards", { from, to });
}

/** MODIFY_PROJECT: status forward only (R6); amount only while collecting (R5). */
export function checkModifyProject(project: { status: ProjectStatus }, change: { status?: ProjectStatus; amount?: Fen }): Refusal | null {
  if (change.amount !== undefined) {
    if (!Number.isSafeInteger(change.amount) || change.amount <= 0) return refuse("amountNotPositive", { amount: String(change.amount) });
    if (project.status !== "COLLECTING") return refuse("projectAmountFrozen", { status: project.status });
  }
  return change.status ? checkStatusChange(project.status, change.status) : null;
}

/** §2.11 R1–R4: which pre-transactions a project's state allows. */
export function checkPreTransaction(project: { status: ProjectStatus }, bizType: string): Refusal | null {
  if (project.status === "FINISH" || project.status === "MISCARRY") return refuse("projectClosed", { status: project.status });
  if (bizType === "TENDER") return project.status === "COLLECTING" ? null : refuse("projectNotCollecting", { status: project.status });
  if (bizType === "REPAYMENT" || bizType === "CREDIT_ASSIGNMENT" || bizType === "COMPENSATORY") {
    return project.status === "REPAYING" ? null : refuse("projectNotRepaying", { status: project.status });
  }
  return null;
}

/** A hold as the rules see it: what it froze and what confirmations already took. */
export type HoldView = { holdNo: string; owner: string; amount: Fen; released: Fen };

/** §2.15 R1: the loan is confirmed while collecting; each detail within its tender hold. */
export function checkConfirmLoan(project: { status: ProjectStatus }, details: { hold: HoldView; amount: Fen }[], commission: Fen): Refusal | null {
  if (project.status !== "COLLECTING") return refuse("projectNotCollecting", { status: project.status });
  const taken = new Map<string, Fen>();
  for (const d of details) {
    if (!Number.isSafeInteger(d.amount) || d.amount <= 0) return refuse("amountNotPositive", { amount: String(d.amount) });
    const total = (taken.get(d.hold.holdNo) ?? 0) + d.amount;
    if (total > d.hold.amount - d.hold.released) return refuse("confirmationsExceedFrozen", { holdNo: d.hold.holdNo, amount: total, remaining: d.hold.amount - d.hold.released });
    taken.set(d.hold.holdNo, total);
  }
  const sum = details.reduce((a, d) => a + d.amount, 0);
  if (commission < 0 || commission > sum) return refuse("amountNotPositive", { amount: String(commission) });
  return null;
}

/**
 * §2.16 / §2.17 R1–R5: repaying; payees are the project's investors; Σ(principal + interest) +
 * commission within what the hold still holds (partial confirmations allowed, R3), and when
 * `complete` (the last one) exactly equal to it (R5: 明细之和 + 佣金 = 预处理冻结金额).
 */
export function checkConfirmRepayment(
  project: { status: ProjectStatus },
  hold: HoldView,
  details: { platformUserNo: string; amount: Fen; income: Fen }[],
  commission: Fen,
  opts: { investors: ReadonlySet<string>; complete?: boolean },
): Refusal | null {
  if (project.status !== "REPAYING") return refuse("projectNotRepaying", { status: project.status });
  for (const d of details) {
    if (!opts.investors.has(d.platformUserNo)) return refuse("repaymentNotInvestor", { platformUserNo: d.platformUserNo });
    if (d.amount < 0 || d.income < 0 || d.amount + d.income <= 0) return refuse("amountNotPositive", { amount: String(d.amount + d.income) });
  }
  const total = details.reduce((a, d) => a + d.amount + d.income, 0) + commission;
  const remaining = hold.amount - hold.released;
  if (total > remaining) return refuse("confirmationsExceedFrozen", { holdNo: hold.holdNo, amount: total, remaining });
  if (opts.complete && total !== remaining) return refuse("detailsNotFrozen", { amount: total, frozen: remaining });
  return null;
}

/** §2.18 R1: only a repaying project's debt is transferred; within the buyer's hold. */
export function checkConfirmTransfer(project: { status: ProjectStatus }, hold: HoldView, amount: Fen, commission: Fen): Refusal | null {
  if (project.status !== "REPAYING") return refuse("projectNotRepaying", { status: project.status });
  if (amount <= 0 || commission < 0 || commission > amount) return refuse("amountNotPositive", { amount: String(amount) });
  const remaining = hold.amount - hold.released;
  return amount > remaining ? refuse("confirmationsExceedFrozen", { holdNo: hold.holdNo, amount, remaining }) : null;
}

/** One seller's line of a debt transfer (§2.18 债权明细). */
export type TransferSeller = { platformUserNo: string; amount: Fen; share: Fen; originalConfirmRequestNo: string };
/** What a seller holds on the project: outstanding principal, and the confirmations that gave it (loans, transfers bought). */
export type SellerHolding = { principal: Fen; confirmRequestNos: ReadonlySet<string> };

/**
 * §2.18, per seller of one confirmation (several sellers may share the buyer's hold): the payment
 * is not below the share sold; the buyer does not buy from themselves; the original purchase
 * (originalConfirmRequestNo) is one of the seller's own on this project; and the shares a seller
 * sells in this confirmation do not exceed the principal they are still owed.
 */
export function checkTransferSellers(buyer: string, sellers: readonly TransferSeller[], holdings: ReadonlyMap<string, SellerHolding>): Refusal | null {
  if (!sellers.length) return refuse("transferNoSeller");
  const sold = new Map<string, Fen>();
  for (const s of sellers) {
    if (!Number.isSafeInteger(s.amount) || s.amount <= 0) return refuse("amountNotPositive", { amount: String(s.amount) });
    if (!Number.isSafeInteger(s.share) || s.share <= 0) return refuse("amountNotPositive", { amount: String(s.share) });
    if (s.amount < s.share) return refuse("transferShareAbovePayment", { platformUserNo: s.platformUserNo, amount: s.amount, share: s.share });
    if (s.platformUserNo === buyer) return refuse("transferSellerIsBuyer", { platformUserNo: s.platformUserNo });
    const held = holdings.get(s.platformUserNo);
    if (!held || !held.confirmRequestNos.has(s.originalConfirmRequestNo)) {
      return refuse("transferOriginalNotSellers", { platformUserNo: s.platformUserNo, originalConfirmRequestNo: s.originalConfirmRequestNo });
    }
    const total = (sold.get(s.platformUserNo) ?? 0) + s.share;
    if (total > held.principal) return refuse("transferShareExceedsHolding", { platformUserNo: s.platformUserNo, share: total, principal: held.principal });
    sold.set(s.platformUserNo, total);
  }
  return null;
}

/** §2.3 R1–R2: a card is unbound only when the account holds nothing (available and frozen). */
export function checkUnbind(balance: { available: Fen; frozen: Fen }): Refusal | null {
  const total = balance.available + balance.frozen;
  return total === 0 ? null : refuse("unbindBalanceNotZero", { balance: total });
}

/** §2.9 R1: no withdrawal without a bound card. */
export function checkWithdraw(account: { cardBound: boolean }, amount: Fen, available: Fen): Refusal | null {
  if (!account.cardBound) return refuse("withdrawNoCard");
  if (!Number.isSafeInteger(amount) || amount <= 0) return refuse("amountNotPositive", { amount: String(amount) });
  return amount > available ? refuse("insufficientAvailable", { amount, available }) : null;
}

/** Supported banks per operation (R5 of §2.1, R7 of §2.2, §2.4–§2.6, §2.9). */
export function checkBank(operation: BankOperation, bankcode: string): Refusal | null {
  return bankSupports(operation, bankcode) ? null : refuse("bankNotSupported", { bank: bankcode, operation });
}
