import { FEE_ACCOUNT, HOLD_OPENERS, type ConfirmedOperation } from "./operations";
import type { Fen } from "@/lib/money";

/**
 * Posting rules: what each confirmed custody operation does to the ledger (docs/custody.md,
 * "Ledger accounts"). Pure: the caller loads the holds the operation draws on (locked) and
 * writes what comes back. Every amount is integer fen; every result balances to zero.
 */

export type Bucket = "AVAILABLE" | "FROZEN" | "EXTERNAL";
/** owner null = the external bank account (money outside custody). */
export type PostingLine = { owner: string | null; bucket: Bucket; amount: Fen; holdNo?: string };
export type HoldState = { holdNo: string; owner: string; kind: string; bizType: string | null; projectNo: string | null; amount: Fen; released: Fen };
export type HoldOpening = { holdNo: string; owner: string; kind: string; bizType: string | null; projectNo: string | null; amount: Fen };

/** Why an operation cannot be posted; each names a rule (translated under errors.custody.*). */
export type LedgerRule =
  | "amountNotPositive"
  | "holdMissing"
  | "holdExceeded"
  | "holdWrongProject"
  | "holdWrongKind"
  | "commissionExceeds"
  | "holdAlreadyOpen";

export type PostingPlan =
  | { ok: true; lines: PostingLine[]; open?: HoldOpening; releases: { holdNo: string; amount: Fen }[] }
  | { ok: false; rule: LedgerRule; values?: Record<string, string | number> };

const refuse = (rule: LedgerRule, values?: Record<string, string | number>): PostingPlan => ({ ok: false, rule, values });
const ext = (amount: Fen): PostingLine => ({ owner: null, bucket: "EXTERNAL", amount });
const avail = (owner: string, amount: Fen): PostingLine => ({ owner, bucket: "AVAILABLE", amount });
const frozen = (owner: string, amount: Fen, holdNo: string): PostingLine => ({ owner, bucket: "FROZEN", amount, holdNo });

const remaining = (h: HoldState) => h.amount - h.released;

export function planPostings(op: ConfirmedOperation, holds: ReadonlyMap<string, HoldState>): PostingPlan {
  const positive = amountsOf(op).find((a) => !Number.isSafeInteger(a) || a <= 0);
  if (positive !== undefined) return refuse("amountNotPositive", { amount: String(positive) });
  const commission = "commission" in op ? op.commission : 0;
  if (!Number.isSafeInteger(commission) || commission < 0) return refuse("amountNotPositive", { amount: String(commission) });

  switch (op.kind) {
    case "RECHARGE": {
      const lines = [ext(-op.amount), avail(op.owner, op.amount)];
      // Fee mode PLATFORM (the only one §2.6 supports) is billed to the platform outside custody.
      if (op.feeMode === "USER" && op.fee) lines.push(avail(op.owner, -op.fee), ext(op.fee));
      return { ok: true, lines, releases: [] };
    }
    case "WITHDRAW": {
      const lines = [avail(op.owner, -op.amount), ext(op.amount)];
      if (op.feeMode === "USER" && op.fee) lines.push(avail(op.owner, -op.fee), ext(op.fee));
      return { ok: true, lines, releases: [] };
    }
    case "USER_PRE_TRANSACTION":
    case "PLATFORM_PRE_TRANSACTION":
    case "FREEZE": {
      if (holds.has(op.requestNo)) return refuse("holdAlreadyOpen", { holdNo: op.requestNo });
      const bizType = op.kind === "FREEZE" ? null : op.bizType;
      const projectNo = op.kind === "FREEZE" ? null : (op.projectNo ?? null);
      return {
        ok: true,
        lines: [avail(op.owner, -op.amount), frozen(op.owner, op.amount, op.requestNo)],
        open: { holdNo: op.requestNo, owner: op.owner, kind: op.kind, bizType, projectNo, amount: op.amount },
        releases: [],
      };
    }
    case "CANCEL_PRE_TRANSACTION": {
      const hold = holds.get(op.preTransactionNo);
      const bad = checkHold(hold, op.preTransactionNo, op.amount, ["USER_PRE_TRANSACTION", "PLATFORM_PRE_TRANSACTION"]);
      if (bad) return bad;
      return release(hold!, op.amount, [avail(hold!.owner, op.amount)]);
    }
    case "UNFREEZE": {
      // design.md §3: UNFREEZE releases the whole (remaining) hold named by oriRequestNo.
      const hold = holds.get(op.oriRequestNo);
      if (!hold) return refuse("holdMissing", { holdNo: op.oriRequestNo });
      if (hold.kind !== "FREEZE") return refuse("holdWrongKind", { holdNo: op.oriRequestNo });
      if (remaining(hold) === 0) return { ok: true, lines: [], releases: [] };
      return release(hold, remaining(hold), [avail(hold.owner, remaining(hold))]);
    }
    case "CONFIRM_LOAN": {
      // §2.15 R2: the borrower receives Σ details − commission; the commission goes to the fee account.
      const lines: PostingLine[] = [];
      const releases: { holdNo: string; amount: Fen }[] = [];
      const taken = new Map<string, Fen>();
      for (const d of op.details) {
        const hold = holds.get(d.preTransactionNo);
        const already = taken.get(d.preTransactionNo) ?? 0;
        const bad = checkHold(hold, d.preTransactionNo, already + d.amount, ["USER_PRE_TRANSACTION"], op.projectNo);
        if (bad) return bad;
        if (hold!.bizType !== "TENDER") return refuse("holdWrongKind", { holdNo: d.preTransactionNo });
        taken.set(d.preTransactionNo, already + d.amount);
        lines.push(frozen(hold!.owner, -d.amount, d.preTransactionNo));
        releases.push({ holdNo: d.preTransactionNo, amount: d.amount });
      }
      const total = sum(op.details.map((d) => d.amount));
      if (commission > total) return refuse("commissionExceeds", { commission, total });
      if (total - commission > 0) lines.push(avail(op.borrower, total - commission));
      if (commission > 0) lines.push(avail(FEE_ACCOUNT, commission));
      return { ok: true, lines, releases };
    }
    case "CONFIRM_REPAYMENT":
    case "CONFIRM_COMPENSATORY": {
      // §2.16 R2/R3: the payer's hold gives Σ(principal + interest) + commission, cumulatively ≤ frozen.
      const paid = sum(op.details.map((d) => d.amount + d.income));
      const hold = holds.get(op.preTransactionNo);
      const kinds = op.kind === "CONFIRM_REPAYMENT" ? ["USER_PRE_TRANSACTION"] : ["USER_PRE_TRANSACTION", "PLATFORM_PRE_TRANSACTION"];
      const bad = checkHold(hold, op.preTransactionNo, paid + commission, kinds, op.projectNo);
      if (bad) return bad;
      const credits = op.details.map((d) => avail(d.platformUserNo, d.amount + d.income));
      if (commission > 0) credits.push(avail(FEE_ACCOUNT, commission));
      return release(hold!, paid + commission, credits);
    }
    case "CONFIRM_DEBENTURE_TRANSFER": {
      // §2.18 + design.md §3: the buyer's hold pays Σ amount; the seller pays the commission
      // (转让人的实收金额 = 预处理冻结金额 − 平台佣金), taken from the sellers in detail order.
      const total = sum(op.details.map((d) => d.amount));
      if (commission > total) return refuse("commissionExceeds", { commission, total });
      const hold = holds.get(op.preTransactionNo);
      const bad = checkHold(hold, op.preTransactionNo, total, ["USER_PRE_TRANSACTION"], op.projectNo);
      if (bad) return bad;
      let due = commission;
      const credits: PostingLine[] = [];
      for (const d of op.details) {
        const cut = Math.min(due, d.amount);
        due -= cut;
        if (d.amount - cut > 0) credits.push(avail(d.platformUserNo, d.amount - cut));
      }
      if (commission > 0) credits.push(avail(FEE_ACCOUNT, commission));
      return release(hold!, total, credits);
    }
    case "CONFIRM_PLATFORM_MARKETING": {
      const total = sum(op.details.map((d) => d.amount));
      const hold = holds.get(op.preTransactionNo);
      const bad = checkHold(hold, op.preTransactionNo, total, ["PLATFORM_PRE_TRANSACTION"]);
      if (bad) return bad;
      return release(hold!, total, op.details.map((d) => avail(d.platformUserNo, d.amount)));
    }
  }
}

function release(hold: HoldState, amount: Fen, credits: PostingLine[]): PostingPlan {
  return { ok: true, lines: [frozen(hold.owner, -amount, hold.holdNo), ...credits], releases: [{ holdNo: hold.holdNo, amount }] };
}

function checkHold(hold: HoldState | undefined, holdNo: string, amount: Fen, kinds: readonly string[], projectNo?: string): PostingPlan | null {
  if (!hold) return refuse("holdMissing", { holdNo });
  if (!kinds.includes(hold.kind)) return refuse("holdWrongKind", { holdNo });
  if (projectNo !== undefined && hold.projectNo !== null && hold.projectNo !== projectNo) return refuse("holdWrongProject", { holdNo, projectNo });
  if (amount > remaining(hold)) return refuse("holdExceeded", { holdNo, amount, remaining: remaining(hold) });
  return null;
}

/** Amounts the operation names: each positive integer fen (interest and principal alone may be 0). */
function amountsOf(op: ConfirmedOperation): Fen[] {
  switch (op.kind) {
    case "UNFREEZE":
      return [];
    case "CONFIRM_LOAN":
    case "CONFIRM_PLATFORM_MARKETING":
    case "CONFIRM_DEBENTURE_TRANSFER":
      return op.details.length ? op.details.map((d) => d.amount) : [0];
    case "CONFIRM_REPAYMENT":
    case "CONFIRM_COMPENSATORY":
      if (!op.details.length) return [0];
      return op.details.flatMap((d) => [d.amount + d.income, d.amount < 0 ? d.amount : 1, d.income < 0 ? d.income : 1]);
    default:
      return [op.amount, ...("fee" in op && op.fee !== undefined ? [op.fee === 0 ? 1 : op.fee] : [])];
  }
}

const sum = (xs: Fen[]) => xs.reduce((a, b) => a + b, 0);

export const isHoldOpener = (kind: string) => (HOLD_OPENERS as readonly string[]).includes(kind);
