import type { ConfirmedOperation } from "@/lib/ledger/operations";

/**
 * The amount a request is logged with: what the custody side's check files report for it
 * (lib/reconciliation/checkfile/columns.ts), so reconciliation compares like with like.
 * - money in, money out, pre-transactions, cancellations, freezes: the request's `amount`;
 * - confirmations (loan, repayment, compensatory, debt transfer, marketing): Σ of the details
 *   as sent (a repayment detail's principal plus its income); the commission is its own column;
 * - ESTABLISH_PROJECT / MODIFY_PROJECT: the project's amount after the request (`projectAmount`,
 *   or, for a status-only change, the amount the project has);
 * - UNFREEZE: the whole hold it releases (design.md §3).
 */
export function checkFileAmount(
  request: Record<string, unknown>,
  operation: ConfirmedOperation | null,
  known: { projectAmount?: number | null; holdAmount?: number | null } = {},
): number | null {
  if (typeof request.projectAmount === "number") return request.projectAmount;
  if (operation && "details" in operation) {
    return (operation.details as readonly { amount: number; income?: number }[]).reduce((s, d) => s + d.amount + (d.income ?? 0), 0);
  }
  if (operation?.kind === "UNFREEZE") return known.holdAmount ?? null;
  if (typeof request.amount === "number") return request.amount;
  return known.projectAmount ?? null;
}
