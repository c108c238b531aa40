import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fenFromBigInt, type Fen } from "@/lib/money";
import { CUSTODY_ROLES } from "./queries";

/**
 * One custody account as finance checks it: the ledger's balances beside what 联银通 says now
 * (QUERY_USER_INFORMATION), match or mismatch, and the postings behind the ledger's figure.
 */
export type CustodySide = { available: Fen; frozen: Fen; balance: Fen };
export type AccountCheck =
  | { kind: "match"; custody: CustodySide }
  | { kind: "mismatch"; custody: CustodySide; availableDiff: Fen; frozenDiff: Fen }
  | { kind: "unavailable"; reason: string };

export type PostingLine = { id: string; transactionId: string; at: Date; operation: string; requestNo: string | null; bucket: string; amount: Fen; holdNo: string | null; reversal: boolean };

export async function getAccountView(db: DbOrTx, user: SessionUser, platformUserNo: string) {
  if (!(CUSTODY_ROLES as readonly string[]).includes(user.role)) throw new AppError("FORBIDDEN", `${user.role} may not read custody data`);
  const account = await db.custodyAccount.findUnique({ where: { platformUserNo } });
  const buckets = await db.ledgerAccount.findMany({ where: { owner: platformUserNo } });
  if (!account && buckets.length === 0) return null;
  const bal = (b: string) => fenFromBigInt(buckets.find((x) => x.bucket === b)?.balance ?? 0n);
  const postings = await db.$queryRaw<{ id: bigint; transaction_id: bigint; at: Date; operation: string; request_no: string | null; bucket: string; amount: bigint; hold_no: string | null; reverses_id: bigint | null }[]>`
    SELECT p.id, p.transaction_id, t.confirmed_at AS at, t.operation, t.request_no, a.bucket, p.amount, p.hold_no, t.reverses_id
    FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id JOIN ledger_transactions t ON t.id = p.transaction_id
    WHERE a.owner = ${platformUserNo} ORDER BY p.id DESC LIMIT 100`;
  return {
    platformUserNo,
    account: account && {
      userType: account.userType,
      userRole: account.userRole,
      status: account.status,
      cardBound: account.cardBound,
      bankcardMasked: account.bankcardMasked,
      bankcode: account.bankcode,
    },
    ledger: { available: bal("AVAILABLE"), frozen: bal("FROZEN") },
    postings: postings.map(
      (p): PostingLine => ({
        id: String(p.id),
        transactionId: String(p.transaction_id),
        at: p.at,
        operation: p.operation,
        requestNo: p.request_no,
        bucket: p.bucket,
        amount: fenFromBigInt(p.amount),
        holdNo: p.hold_no,
        reversal: p.reverses_id !== null,
      }),
    ),
  };
}

/** Ledger against custody; a query that fails says so instead of guessing. */
export async function checkAgainstCustody(ledger: { available: Fen; frozen: Fen }, query: () => Promise<{ availableAmount: number; freezeAmount: number; balance: number }>): Promise<AccountCheck> {
  try {
    const info = await query();
    const custody = { available: info.availableAmount, frozen: info.freezeAmount, balance: info.balance };
    const availableDiff = ledger.available - custody.available;
    const frozenDiff = ledger.frozen - custody.frozen;
    return availableDiff === 0 && frozenDiff === 0 ? { kind: "match", custody } : { kind: "mismatch", custody, availableDiff, frozenDiff };
  } catch (err) {
    return { kind: "unavailable", reason: err instanceof Error ? err.message : String(err) };
  }
}

/** The account's holds that still hold money (freezes and pre-transactions), for unfreeze / cancel. */
export async function openHolds(db: DbOrTx, owner: string) {
  const rows = await db.$queryRaw<{ hold_no: string; kind: string; biz_type: string | null; remaining: bigint }[]>`
    SELECT hold_no, kind, biz_type, (amount - released)::bigint AS remaining FROM ledger_holds
    WHERE owner = ${owner} AND amount > released ORDER BY opened_at DESC LIMIT 50`;
  return rows.map((r) => ({ holdNo: r.hold_no, kind: r.kind, bizType: r.biz_type, remaining: fenFromBigInt(r.remaining) }));
}
