import type pg from "pg";
import { writeAuditRow } from "@/lib/audit";
import { inPgTransaction } from "@/lib/db/pool";
import { type Actor, ReconWorkflowError, requireRole } from "./workflow";

/**
 * Adjusting postings from an exception (maker-checker): a finance user proposes moving `amount`
 * fen into (or, negative, out of) an owner's AVAILABLE or FROZEN bucket against the external
 * bank account, with a memo; a second finance user approves, which posts one balanced ledger
 * transaction (`op_key` RECON_ADJ:<id>, so it posts once) and resolves the exception as
 * ADJUSTED, in one SQL transaction with its audit rows. The database refuses the maker as
 * checker and any bucket below zero (the ledger's own CHECK).
 */
/** One audit row of an adjustment in its transaction (masked, like every audit row). */
const audit = (c: pg.PoolClient, actor: Actor, action: string, targetId: string, after: unknown, detail: string | null) =>
  writeAuditRow(c, { actor, action, outcome: "ok", targetType: "recon_adjustment", targetId, after, detail: detail ?? undefined });

export async function proposeAdjustment(
  pool: pg.Pool,
  actor: Actor,
  input: { lineId: string; owner: string; bucket: "AVAILABLE" | "FROZEN"; amount: number; memo: string },
): Promise<string> {
  requireRole(actor);
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new ReconWorkflowError("adjustAmountInvalid", "the amount is a non-zero whole number of fen");
  if (input.memo.trim().length === 0 || input.owner.trim().length === 0) throw new ReconWorkflowError("adjustMemoRequired", "an owner and a memo are needed");
  return inPgTransaction(pool, async (c) => {
    const line = await c.query<{ state: string | null; run_status: string }>(
      "SELECT l.state, r.status AS run_status FROM recon_lines l JOIN recon_runs r ON r.id = l.run_id WHERE l.id = $1 FOR UPDATE OF l",
      [input.lineId],
    );
    if (!line.rows[0]) throw new ReconWorkflowError("lineNotFound", "no such line");
    if (line.rows[0].state !== "OPEN") throw new ReconWorkflowError("adjustResolved", "the exception is not open");
    if (line.rows[0].run_status === "CLOSED") throw new ReconWorkflowError("dayClosed", "the day is closed");
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO recon_adjustments (line_id, owner, bucket, amount, memo, status, maker_id) VALUES ($1, $2, $3, $4, $5, 'WAITING', $6) RETURNING id::text`,
      [input.lineId, input.owner.trim(), input.bucket, input.amount, input.memo.trim(), actor.id],
    );
    await audit(c, actor, "reconciliation.adjustPropose", rows[0]!.id, { ...input }, input.memo.trim());
    return rows[0]!.id;
  });
}

export async function decideAdjustment(pool: pg.Pool, actor: Actor, adjustmentId: string, decision: "APPROVE" | "REJECT"): Promise<{ ledgerTransactionId: string | null }> {
  requireRole(actor);
  return inPgTransaction(pool, async (c) => {
    const { rows } = await c.query<{ line_id: string; owner: string; bucket: string; amount: string; memo: string; status: string; maker_id: string }>(
      "SELECT line_id::text, owner, bucket, amount::text, memo, status, maker_id FROM recon_adjustments WHERE id = $1 FOR UPDATE",
      [adjustmentId],
    );
    const a = rows[0];
    if (!a) throw new ReconWorkflowError("adjustmentNotFound", "no such adjustment");
    if (a.status !== "WAITING") throw new ReconWorkflowError("adjustDecided", "the adjustment was decided already");
    if (a.maker_id === actor.id) throw new ReconWorkflowError("adjustSelfApproval", "a second finance user must decide");
    if (decision === "REJECT") {
      await c.query("UPDATE recon_adjustments SET status = 'REJECTED', checker_id = $2, decided_at = now() WHERE id = $1", [adjustmentId, actor.id]);
      await audit(c, actor, "reconciliation.adjustReject", adjustmentId, { status: "REJECTED" }, null);
      return { ledgerTransactionId: null };
    }
    const account = `${a.bucket}:${a.owner}`;
    await c.query("INSERT INTO ledger_accounts (id, owner, bucket) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", [account, a.owner, a.bucket]);
    const t = await c.query<{ id: string }>(
      "INSERT INTO ledger_transactions (op_key, operation, confirmed_at, memo) VALUES ($1, 'RECON_ADJUSTMENT', now(), $2) RETURNING id::text",
      [`RECON_ADJ:${adjustmentId}`, a.memo],
    );
    const ledgerTransactionId = t.rows[0]!.id;
    await c.query("INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES ($1, $2, $3), ($1, 'EXTERNAL_BANK', $4)", [ledgerTransactionId, account, a.amount, -BigInt(a.amount)]);
    await c.query("UPDATE recon_adjustments SET status = 'APPROVED', checker_id = $2, decided_at = now(), ledger_transaction_id = $3 WHERE id = $1", [adjustmentId, actor.id, ledgerTransactionId]);
    await c.query(
      `UPDATE recon_lines SET state = 'RESOLVED', resolution = 'ADJUSTED', note = $2, resolved_by = $3, resolved_at = now() WHERE id = $1 AND state = 'OPEN'`,
      [a.line_id, `adjusted: ${a.memo}`, actor.id],
    );
    await audit(c, actor, "reconciliation.adjustApprove", adjustmentId, { status: "APPROVED", ledgerTransactionId }, null);
    return { ledgerTransactionId };
  });
}
