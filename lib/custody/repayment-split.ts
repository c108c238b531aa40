import "server-only";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Fen } from "@/lib/money";

/**
 * CONFIRM_REPAYMENT / CONFIRM_COMPENSATORY from a hold: each investor's outstanding principal
 * back, the interest split in the same proportion (the last investor takes the rounding fen),
 * the commission the rest of the hold — so details + commission equal the frozen amount
 * (§2.16 R5, §2.17).
 */
export async function repaymentSplit(db: DbOrTx, projectNo: string, holdNo: string, interest: Fen) {
  const hold = await db.ledgerHold.findUnique({ where: { holdNo } });
  if (!hold || hold.projectNo !== projectNo) throw new AppError("INVALID_STATE", "no such hold on this project", { i18n: { key: "custody.holdMissing", values: { holdNo } } });
  const principal = await outstandingPrincipal(db, projectNo);
  const owed = [...principal].filter(([, p]) => p > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totalOwed = owed.reduce((a, [, p]) => a + p, 0);
  let left = interest;
  const details = owed.map(([investor, amount], i) => {
    const share = i === owed.length - 1 ? left : Math.floor((interest * amount) / Math.max(totalOwed, 1));
    left -= share;
    return { platformUserNo: investor, amount, income: share };
  });
  const frozen = Number(hold.amount - hold.released);
  const commission = frozen - totalOwed - interest;
  if (commission < 0) throw new AppError("INVALID_STATE", "hold too small", { i18n: { key: "custody.detailsNotFrozen", values: { amount: totalOwed + interest, frozen } } });
  return { details, commission };
}

type Detail = { platformUserNo?: string; amount?: number; share?: number };

/**
 * What each investor is still owed on the project, from what custody confirmed and we posted:
 * lent through loan confirmations (reversals net out), plus shares bought and minus shares sold
 * in debt transfers (§2.18: the buyer is the owner of the transfer's hold; the share defaults
 * to the payment), minus principal already repaid or compensated (§2.16 R4).
 */
export async function outstandingPrincipal(db: DbOrTx, projectNo: string): Promise<Map<string, Fen>> {
  const owed = new Map<string, Fen>();
  const add = (who: string, fen: number) => owed.set(who, (owed.get(who) ?? 0) + fen);
  const lent = await db.$queryRaw<{ investor: string; lent: bigint }[]>`
    SELECT h.owner AS investor, SUM(-p.amount)::bigint AS lent FROM ledger_postings p
    JOIN ledger_transactions t ON t.id = p.transaction_id JOIN ledger_holds h ON h.hold_no = p.hold_no
    WHERE h.project_no = ${projectNo} AND h.biz_type = 'TENDER' AND t.operation = 'CONFIRM_LOAN'
    GROUP BY h.owner`;
  for (const r of lent) add(r.investor, Number(r.lent));
  const moves = await db.custodyRequest.findMany({
    where: { projectNo, ledgerStatus: "POSTED", serviceName: { in: ["CONFIRM_DEBENTURE_TRANSFER", "CONFIRM_REPAYMENT", "CONFIRM_COMPENSATORY"] } },
    select: { serviceName: true, operation: true },
    orderBy: { id: "asc" },
  });
  for (const m of moves) {
    const op = (m.operation ?? {}) as { preTransactionNo?: string; details?: Detail[] };
    if (m.serviceName === "CONFIRM_DEBENTURE_TRANSFER") {
      const buyer = op.preTransactionNo ? (await db.ledgerHold.findUnique({ where: { holdNo: op.preTransactionNo }, select: { owner: true } }))?.owner : undefined;
      for (const d of op.details ?? []) {
        const share = d.share ?? d.amount ?? 0;
        if (d.platformUserNo) add(d.platformUserNo, -share);
        if (buyer) add(buyer, share);
      }
    } else {
      for (const d of op.details ?? []) if (d.platformUserNo) add(d.platformUserNo, -(d.amount ?? 0));
    }
  }
  return owed;
}

/**
 * What each investor holds on the project for a debt transfer (§2.18): the principal still owed
 * (outstandingPrincipal) and the confirmations that gave it — the loans their tenders went into
 * and the transfers they bought — which a seller's originalConfirmRequestNo must name.
 */
export async function sellerHoldings(db: DbOrTx, projectNo: string): Promise<Map<string, { principal: Fen; confirmRequestNos: Set<string> }>> {
  const principal = await outstandingPrincipal(db, projectNo);
  const origins = new Map<string, Set<string>>();
  const note = (who: string, requestNo: string) => origins.set(who, (origins.get(who) ?? new Set()).add(requestNo));
  const confirmations = await db.custodyRequest.findMany({
    where: { projectNo, ledgerStatus: "POSTED", serviceName: { in: ["CONFIRM_LOAN", "CONFIRM_DEBENTURE_TRANSFER"] } },
    select: { requestNo: true, serviceName: true, operation: true },
  });
  const holdNos = confirmations.flatMap((c) => {
    const op = (c.operation ?? {}) as { preTransactionNo?: string; details?: { preTransactionNo?: string }[] };
    return c.serviceName === "CONFIRM_LOAN" ? (op.details ?? []).map((d) => d.preTransactionNo ?? "") : [op.preTransactionNo ?? ""];
  });
  const owners = new Map((await db.ledgerHold.findMany({ where: { holdNo: { in: holdNos } }, select: { holdNo: true, owner: true } })).map((h) => [h.holdNo, h.owner]));
  for (const c of confirmations) {
    const op = (c.operation ?? {}) as { preTransactionNo?: string; details?: { preTransactionNo?: string }[] };
    const holds = c.serviceName === "CONFIRM_LOAN" ? (op.details ?? []).map((d) => d.preTransactionNo ?? "") : [op.preTransactionNo ?? ""];
    for (const h of holds) {
      const owner = owners.get(h);
      if (owner) note(owner, c.requestNo);
    }
  }
  const all = new Set([...principal.keys(), ...origins.keys()]);
  return new Map([...all].map((who) => [who, { principal: principal.get(who) ?? 0, confirmRequestNos: origins.get(who) ?? new Set<string>() }]));
}
