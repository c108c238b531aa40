import "server-only";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fenFromBigInt, type Fen } from "@/lib/money";
import { holdsNeeded, opKeyOf, type ConfirmedOperation } from "./operations";
import { planPostings, type Bucket, type HoldState, type LedgerRule, type PostingLine } from "./rules";

/**
 * Writes a confirmed custody operation to the ledger, once. In one SQL transaction: the holds it
 * draws on are locked, the posting rules run (lib/ledger/rules.ts), the debited buckets are
 * checked, then the transaction, its postings (the balance cache moves by trigger) and the hold
 * changes are written. Posting the same operation again is a no-op (`duplicate`).
 *
 * `waiting`: the operation cannot be posted *yet* — a hold it draws on is not open, or a bucket
 * would go below zero — because something custody did earlier has not reached us (a late
 * NOTIFY). The caller keeps it pending and posts it again later; nothing was written.
 */
export type PostResult =
  | { status: "posted"; transactionId: bigint }
  | { status: "duplicate"; transactionId: bigint }
  | { status: "waiting"; rule: "holdMissing" | "insufficientFunds"; detail: string };

export type PostOptions = { confirmedAt: Date; projectNo?: string | null; memo?: string };

export const accountIdOf = (owner: string | null, bucket: Bucket) => (owner === null ? "EXTERNAL_BANK" : `${bucket}:${owner}`);

export class LedgerRefusal extends AppError {
  readonly rule: LedgerRule;
  constructor(rule: LedgerRule, values?: Record<string, string | number>) {
    super("INVALID_STATE", `ledger refused: ${rule} ${values ? JSON.stringify(values) : ""}`, { i18n: { key: `custody.${rule}`, values } });
    this.rule = rule;
  }
}

export async function postOperation(tx: Tx, op: ConfirmedOperation, opts: PostOptions): Promise<PostResult> {
  const opKey = opKeyOf(op);
  const existing = await findTransaction(tx, opKey);
  if (existing !== null) return { status: "duplicate", transactionId: existing };

  const holds = await lockHolds(tx, holdsNeeded(op));
  const plan = planPostings(op, holds);
  if (!plan.ok) {
    if (plan.rule === "holdMissing") return { status: "waiting", rule: "holdMissing", detail: String(plan.values?.holdNo ?? "") };
    throw new LedgerRefusal(plan.rule, plan.values);
  }
  const short = await firstOverdrawn(tx, plan.lines);
  if (short) return { status: "waiting", rule: "insufficientFunds", detail: short };

  const projectNo = opts.projectNo ?? ("projectNo" in op ? op.projectNo : null) ?? null;
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO ledger_transactions (op_key, operation, request_no, project_no, confirmed_at, memo)
    VALUES (${opKey}, ${op.kind}, ${op.requestNo}, ${projectNo}, ${opts.confirmedAt}, ${opts.memo ?? null})
    ON CONFLICT (op_key) DO NOTHING RETURNING id`;
  // A concurrent post of the same operation won the race (we waited on its unique key).
  if (!inserted[0]) return { status: "duplicate", transactionId: (await findTransaction(tx, opKey))! };
  const transactionId = inserted[0].id;

  await writeLines(tx, transactionId, plan.lines);
  if (plan.open) {
    const h = plan.open;
    await tx.$executeRaw`INSERT INTO ledger_holds (hold_no, owner, kind, biz_type, project_no, amount)
      VALUES (${h.holdNo}, ${h.owner}, ${h.kind}, ${h.bizType}, ${h.projectNo}, ${BigInt(h.amount)})`;
  }
  for (const r of plan.releases) {
    await tx.$executeRaw`UPDATE ledger_holds SET released = released + ${BigInt(r.amount)}, updated_at = now() WHERE hold_no = ${r.holdNo}`;
  }
  return { status: "posted", transactionId };
}

/** postOperation in a transaction of its own. */
export function postOperationNow(db: Db, op: ConfirmedOperation, opts: PostOptions): Promise<PostResult> {
  return db.$transaction((tx) => postOperation(tx, op, opts));
}

/**
 * A correction: a new transaction with every posting of `transactionId` negated (postings are
 * never edited). Holds move back with it; a hold whose money a later operation already took
 * cannot be un-opened (reverse that one first).
 */
export async function reverseTransaction(tx: Tx, transactionId: bigint, memo: string, confirmedAt = new Date()): Promise<PostResult> {
  const opKey = `REVERSAL:${transactionId}`;
  const existing = await findTransaction(tx, opKey);
  if (existing !== null) return { status: "duplicate", transactionId: existing };
  const original = await tx.$queryRaw<{ operation: string; request_no: string | null; project_no: string | null; reverses_id: bigint | null }[]>`
    SELECT operation, request_no, project_no, reverses_id FROM ledger_transactions WHERE id = ${transactionId}`;
  if (!original[0]) throw new AppError("NOT_FOUND", `ledger transaction ${transactionId} not found`);
  if (original[0].reverses_id !== null) throw new LedgerRefusal("holdWrongKind", { holdNo: `REVERSAL:${original[0].reverses_id}` });
  const rows = await tx.$queryRaw<{ owner: string | null; bucket: Bucket; amount: bigint; hold_no: string | null }[]>`
    SELECT a.owner, a.bucket, p.amount, p.hold_no FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
    WHERE p.transaction_id = ${transactionId} ORDER BY p.id`;
  const lines: PostingLine[] = rows.map((r) => ({ owner: r.owner, bucket: r.bucket, amount: -fenFromBigInt(r.amount), holdNo: r.hold_no ?? undefined }));
  const holds = await lockHolds(tx, [...new Set(lines.flatMap((l) => (l.holdNo ? [l.holdNo] : [])))]);
  for (const l of lines) {
    if (!l.holdNo || l.bucket !== "FROZEN") continue;
    const h = holds.get(l.holdNo)!;
    // Reversing an opening shrinks the hold; reversing a release gives the money back to it.
    if (l.amount < 0 && h.amount + l.amount < h.released) throw new LedgerRefusal("holdExceeded", { holdNo: h.holdNo, amount: -l.amount, remaining: h.amount - h.released });
  }
  const short = await firstOverdrawn(tx, lines);
  if (short) return { status: "waiting", rule: "insufficientFunds", detail: short };
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO ledger_transactions (op_key, operation, request_no, project_no, confirmed_at, reverses_id, memo)
    VALUES (${opKey}, ${original[0].operation}, ${original[0].request_no}, ${original[0].project_no}, ${confirmedAt}, ${transactionId}, ${memo})
    ON CONFLICT (op_key) DO NOTHING RETURNING id`;
  if (!inserted[0]) return { status: "duplicate", transactionId: (await findTransaction(tx, opKey))! };
  await writeLines(tx, inserted[0].id, lines);
  for (const l of lines) {
    if (!l.holdNo || l.bucket !== "FROZEN") continue;
    if (l.amount < 0) await tx.$executeRaw`UPDATE ledger_holds SET amount = amount + ${BigInt(l.amount)}, updated_at = now() WHERE hold_no = ${l.holdNo}`;
    else await tx.$executeRaw`UPDATE ledger_holds SET released = released - ${BigInt(l.amount)}, updated_at = now() WHERE hold_no = ${l.holdNo}`;
  }
  return { status: "posted", transactionId: inserted[0].id };
}

async function findTransaction(tx: Tx, opKey: string): Promise<bigint | null> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM ledger_transactions WHERE op_key = ${opKey}`;
  return rows[0]?.id ?? null;
}

async function lockHolds(tx: Tx, holdNos: string[]): Promise<Map<string, HoldState>> {
  if (!holdNos.length) return new Map();
  const rows = await tx.$queryRaw<
    { hold_no: string; owner: string; kind: string; biz_type: string | null; project_no: string | null; amount: bigint; released: bigint }[]
  >`SELECT hold_no, owner, kind, biz_type, project_no, amount, released FROM ledger_holds WHERE hold_no = ANY(${holdNos}::text[]) ORDER BY hold_no FOR UPDATE`;
  return new Map(
    rows.map((r) => [
      r.hold_no,
      { holdNo: r.hold_no, owner: r.owner, kind: r.kind, bizType: r.biz_type, projectNo: r.project_no, amount: fenFromBigInt(r.amount), released: fenFromBigInt(r.released) },
    ]),
  );
}

/** Creates missing buckets, locks the debited ones, and names the first that would go below zero. */
async function firstOverdrawn(tx: Tx, lines: PostingLine[]): Promise<string | null> {
  const delta = new Map<string, { owner: string | null; bucket: Bucket; amount: Fen }>();
  for (const l of lines) {
    const id = accountIdOf(l.owner, l.bucket);
    const d = delta.get(id) ?? { owner: l.owner, bucket: l.bucket, amount: 0 };
    d.amount += l.amount;
    delta.set(id, d);
  }
  const ids = [...delta.keys()].sort();
  const owners = ids.map((id) => delta.get(id)!.owner);
  const buckets = ids.map((id) => delta.get(id)!.bucket);
  await tx.$executeRaw`INSERT INTO ledger_accounts (id, owner, bucket)
    SELECT * FROM unnest(${ids}::text[], ${owners}::text[], ${buckets}::text[]) ON CONFLICT (id) DO NOTHING`;
  const debited = ids.filter((id) => delta.get(id)!.amount < 0 && delta.get(id)!.bucket !== "EXTERNAL");
  if (!debited.length) return null;
  const rows = await tx.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT id, balance FROM ledger_accounts WHERE id = ANY(${debited}::text[]) ORDER BY id FOR UPDATE`;
  for (const r of rows) {
    if (r.balance + BigInt(delta.get(r.id)!.amount) < 0n) return r.id;
  }
  return null;
}

async function writeLines(tx: Tx, transactionId: bigint, lines: PostingLine[]) {
  if (!lines.length) return;
  const accounts = lines.map((l) => accountIdOf(l.owner, l.bucket));
  const amounts = lines.map((l) => String(l.amount));
  const holds = lines.map((l) => l.holdNo ?? null);
  await tx.$executeRaw`INSERT INTO ledger_postings (transaction_id, account_id, amount, hold_no)
    SELECT ${transactionId}, a, m::bigint, h FROM unnest(${accounts}::text[], ${amounts}::text[], ${holds}::text[]) WITH ORDINALITY AS t(a, m, h, n) ORDER BY n`;
}
