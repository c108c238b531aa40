import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Fen } from "@/lib/money";

/**
 * CONFIRM_REPAYMENT / CONFIRM_COMPENSATORY from a hold: principal back to each investor as
 * lent from their tender, the interest split in the same proportion (the last investor takes
 * the rounding fen), the commission the rest of the hold — so details + commission equal the
 * frozen amount (§2.16 R5, §2.17).
 */
export async function repaymentSplit(db: DbOrTx, projectNo: string, holdNo: string, interest: Fen) {
  const hold = await db.ledgerHold.findUnique({ where: { holdNo } });
  if (!hold || hold.projectNo !== projectNo) throw new AppError("INVALID_STATE", "no such hold on this project", { i18n: { key: "custody.holdMissing", values: { holdNo } } });
  // What each investor lent: their tender holds' money moved by loan confirmations (reversals net out).
  const rows = await db.$queryRaw<{ investor: string; lent: bigint }[]>`
    SELECT h.owner AS investor, SUM(-p.amount)::bigint AS lent FROM ledger_postings p
    JOIN ledger_transactions t ON t.id = p.transaction_id JOIN ledger_holds h ON h.hold_no = p.hold_no
    WHERE h.project_no = ${projectNo} AND h.biz_type = 'TENDER' AND t.operation = 'CONFIRM_LOAN'
    GROUP BY h.owner ORDER BY h.owner`;
  const lent = rows.map((r) => ({ investor: r.investor, lent: Number(r.lent) })).filter((x) => x.lent > 0);
  const totalLent = lent.reduce((a, x) => a + x.lent, 0);
  let left = interest;
  const details = lent.map((x, i) => {
    const share = i === lent.length - 1 ? left : Math.floor((interest * x.lent) / Math.max(totalLent, 1));
    left -= share;
    return { platformUserNo: x.investor, amount: x.lent, income: share };
  });
  const frozen = Number(hold.amount - hold.released);
  const commission = frozen - totalLent - interest;
  if (commission < 0) throw new AppError("INVALID_STATE", "hold too small", { i18n: { key: "custody.detailsNotFrozen", values: { amount: totalLent + interest, frozen } } });
  return { details, commission };
}
