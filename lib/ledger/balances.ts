import "server-only";
import type { DbOrTx } from "@/lib/db";
import { fenFromBigInt, type Fen } from "@/lib/money";

export type OwnerBalance = { owner: string; available: Fen; frozen: Fen };

/** Balances of every owner (users and platform accounts), from the cached bucket balances. */
export async function ownerBalances(db: DbOrTx): Promise<Map<string, OwnerBalance>> {
  const rows = await db.$queryRaw<{ owner: string; bucket: string; balance: bigint }[]>`
    SELECT owner, bucket, balance FROM ledger_accounts WHERE owner IS NOT NULL`;
  const out = new Map<string, OwnerBalance>();
  for (const r of rows) {
    const b = out.get(r.owner) ?? { owner: r.owner, available: 0, frozen: 0 };
    if (r.bucket === "AVAILABLE") b.available = fenFromBigInt(r.balance);
    else b.frozen = fenFromBigInt(r.balance);
    out.set(r.owner, b);
  }
  return out;
}

/**
 * The ledger's invariants, checked from the postings themselves (a test and an operator check):
 * each cached balance equals Σ postings, each transaction sums to zero, each bucket but the
 * external one is ≥ 0, and each owner's frozen balance equals what their open holds still hold.
 * Returns the violations (empty = sound).
 */
export async function ledgerViolations(db: DbOrTx): Promise<string[]> {
  const cache = await db.$queryRaw<{ id: string; balance: bigint; summed: bigint }[]>`
    SELECT a.id, a.balance, COALESCE(SUM(p.amount), 0)::bigint AS summed
    FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
    GROUP BY a.id, a.balance HAVING a.balance <> COALESCE(SUM(p.amount), 0)`;
  const unbalanced = await db.$queryRaw<{ transaction_id: bigint; total: bigint }[]>`
    SELECT transaction_id, SUM(amount)::bigint AS total FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount) <> 0`;
  const negative = await db.$queryRaw<{ id: string }[]>`SELECT id FROM ledger_accounts WHERE bucket <> 'EXTERNAL' AND balance < 0`;
  const holds = await db.$queryRaw<{ owner: string; frozen: bigint; open: bigint }[]>`
    SELECT a.owner, a.balance AS frozen, COALESCE(h.open, 0)::bigint AS open
    FROM ledger_accounts a
    LEFT JOIN (SELECT owner, SUM(amount - released) AS open FROM ledger_holds GROUP BY owner) h ON h.owner = a.owner
    WHERE a.bucket = 'FROZEN' AND a.balance <> COALESCE(h.open, 0)`;
  const perHold = await db.$queryRaw<{ hold_no: string }[]>`
    SELECT h.hold_no FROM ledger_holds h
    LEFT JOIN (SELECT hold_no, SUM(amount) AS s FROM ledger_postings WHERE hold_no IS NOT NULL GROUP BY hold_no) p ON p.hold_no = h.hold_no
    WHERE h.amount - h.released <> COALESCE(p.s, 0)`;
  const total = await db.$queryRaw<{ s: bigint }[]>`SELECT COALESCE(SUM(balance), 0)::bigint AS s FROM ledger_accounts`;
  return [
    ...cache.map((r) => `cached balance of ${r.id} is ${r.balance}, postings sum to ${r.summed}`),
    ...unbalanced.map((r) => `transaction ${r.transaction_id} sums to ${r.total}`),
    ...negative.map((r) => `${r.id} is below zero`),
    ...holds.map((r) => `frozen of ${r.owner} is ${r.frozen}, open holds ${r.open}`),
    ...perHold.map((r) => `hold ${r.hold_no} disagrees with its postings`),
    ...(total[0] && total[0].s !== 0n ? [`all balances sum to ${total[0].s}`] : []),
  ];
}
