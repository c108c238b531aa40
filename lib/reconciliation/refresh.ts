import type pg from "pg";
import { writeAuditRow } from "@/lib/audit";
import { inPgTransaction } from "@/lib/db/pool";
import { LANMAO_SERVICES, type LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { type Actor, ReconWorkflowError, requireRole } from "./workflow";

/**
 * "Refresh from QUERY_TRANSACTION" (§3.3) for one open exception: asks 联银通 what it holds for
 * the line's requestNo now, and compares with our request log now. When both agree (status,
 * amount and fee within the run's tolerance) the exception is resolved as REFRESHED; otherwise
 * it stays open and its note says what the query answered. Audited either way.
 */
export type QueriedTransaction = { status: string; amount: number | null; fee: number | null };
export type TransactionQuery = (requestNo: string, transactionType: string) => Promise<QueriedTransaction>;

/** Without a request of ours, the file type alone says which record type to ask for. */
const TYPE_BY_FILE: Record<string, string> = { RECHARGE: "RECHARGE", WITHDRAW: "WITHDRAW", PROJECT: "ESTABLISH_PROJECT", USER: "REGISTER" };

const ourStatus = (s: string | null) => (s === "SUCCEEDED" ? "SUCCESS" : s === "FAILED" ? "FAIL" : s === null ? null : "PROCESSING");
const theirStatus = (s: string) => (s === "INIT" ? "PROCESSING" : s);

export async function refreshException(pool: pg.Pool, actor: Actor, lineId: string, query: TransactionQuery): Promise<{ resolved: boolean; answer: QueriedTransaction }> {
  requireRole(actor);
  const { rows } = await pool.query<{ file_type: string; match_key: string; state: string | null; run_status: string; tolerance: string; service_name: string | null; status: string | null; amount: string | null; fee: string | null }>(
    `SELECT l.file_type, l.match_key, l.state, r.status AS run_status, r.tolerance_fen::text AS tolerance, c.service_name, c.status, c.amount::text AS amount,
            COALESCE((c.operation->>'fee')::bigint, (c.operation->>'commission')::bigint, 0)::text AS fee
     FROM recon_lines l JOIN recon_runs r ON r.id = l.run_id LEFT JOIN custody_requests c ON c.request_no = l.match_key
     WHERE l.id = $1`,
    [lineId],
  );
  const line = rows[0];
  if (!line) throw new ReconWorkflowError("lineNotFound", "no such line");
  if (line.state !== "OPEN") throw new ReconWorkflowError("refreshResolved", "the exception is not open");
  if (line.run_status === "CLOSED") throw new ReconWorkflowError("dayClosed", "the day is closed");
  if (line.file_type === "BALANCE") throw new ReconWorkflowError("refreshBalance", "a balance is not a transaction to query");
  const transactionType = (line.service_name && LANMAO_SERVICES[line.service_name as LanmaoServiceName]?.queryType) || TYPE_BY_FILE[line.file_type];
  if (!transactionType) throw new ReconWorkflowError("refreshNoType", "no QUERY_TRANSACTION type for this line", { fileType: line.file_type });
  const answer = await query(line.match_key, transactionType);
  const tolerance = Number(line.tolerance);
  const agrees =
    line.service_name !== null &&
    theirStatus(answer.status) === ourStatus(line.status) &&
    (answer.amount === null || Math.abs(answer.amount - Number(line.amount ?? 0)) <= tolerance) &&
    (answer.fee === null || Math.abs(answer.fee - Number(line.fee ?? 0)) <= tolerance);
  const note = `QUERY_TRANSACTION ${transactionType}: ${answer.status}${answer.amount === null ? "" : ` amount ${answer.amount} fen`}${answer.fee === null ? "" : ` fee ${answer.fee} fen`}`;
  await inPgTransaction(pool, async (c) => {
    if (agrees) {
      await c.query(`UPDATE recon_lines SET state = 'RESOLVED', resolution = 'REFRESHED', note = $2, resolved_by = $3, resolved_at = now() WHERE id = $1 AND state = 'OPEN'`, [lineId, note, actor.id]);
    } else {
      await c.query(`UPDATE recon_lines SET note = $2 WHERE id = $1 AND state = 'OPEN'`, [lineId, note]);
    }
    await writeAuditRow(c, { actor, action: "reconciliation.refresh", outcome: "ok", targetType: "recon_line", targetId: lineId, after: { resolved: agrees }, detail: note });
  });
  return { resolved: agrees, answer };
}
