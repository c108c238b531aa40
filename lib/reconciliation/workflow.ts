import type pg from "pg";
import { writeAuditRow } from "@/lib/audit";
import type { Role } from "@/lib/auth/roles";
import { inPgTransaction } from "@/lib/db/pool";
import { type RefusalReason, REFUSALS, type WorkflowProblem } from "./refusals";

/**
 * The day's workflow after a run: finance explains each exception (or an adjusting posting
 * settles it — not built yet), then closes the day; closing sends CONFIRM_CHECKFILE or
 * UPLOAD_CHECKFILE by configuration (vendor/close-calls.ts). Nothing closes while an exception
 * is open unless an ADMIN overrides, which is audited with its reason and whether the closing
 * call was sent. A closed day can be reopened (§4.1 phase two), audited, re-run and closed again.
 * Every change and its audit row are one SQL transaction. Roles are checked here, whatever the
 * caller checked before (design.md §4).
 */
export type Actor = { id: string; name: string; role: Role };

export type { WorkflowProblem } from "./refusals";

/** A refusal of the workflow: `reason` names it (its own translated message), `problem` its class. */
export class ReconWorkflowError extends Error {
  readonly problem: WorkflowProblem;
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "ReconWorkflowError";
    this.problem = REFUSALS[reason];
  }
}

export const FINANCE_ROLES: readonly Role[] = ["FINANCE", "ADMIN"];

/** Roles are checked here, whatever the caller checked before (adjust.ts and refresh.ts too). */
export function requireRole(actor: Actor, roles: readonly Role[] = FINANCE_ROLES, reason: RefusalReason = "roleForbidden") {
  if (!roles.includes(actor.role)) throw new ReconWorkflowError(reason, `role ${actor.role} may not do this`, { role: actor.role });
}

/** One audit row in the workflow's transaction, through the audit log's one door (masked). */
function audit(c: pg.PoolClient, actor: Actor, action: string, targetType: string, targetId: string, before: unknown, after: unknown, detail?: string) {
  return writeAuditRow(c, { actor, action, outcome: "ok", targetType, targetId, before, after, detail });
}

/** Resolves an open exception with an explanation. */
export async function explainException(pool: pg.Pool, actor: Actor, lineId: string, note: string): Promise<void> {
  requireRole(actor, FINANCE_ROLES);
  const text = note.trim();
  if (text.length === 0 || text.length > 1000) throw new ReconWorkflowError("explainNoteRequired", "an explanation of 1 to 1000 characters is needed");
  await inPgTransaction(pool, async (c) => {
    const { rows } = await c.query<{ state: string | null; kind: string | null; run_status: string }>(
      "SELECT l.state, l.kind, r.status AS run_status FROM recon_lines l JOIN recon_runs r ON r.id = l.run_id WHERE l.id = $1 FOR UPDATE OF l",
      [lineId],
    );
    if (!rows[0]) throw new ReconWorkflowError("lineNotFound", "no such line");
    if (rows[0].state !== "OPEN") throw new ReconWorkflowError("explainResolved", "the exception is not open");
    if (rows[0].run_status === "CLOSED") throw new ReconWorkflowError("dayClosed", "the day is closed");
    await c.query(`UPDATE recon_lines SET state = 'RESOLVED', resolution = 'EXPLAINED', note = $2, resolved_by = $3, resolved_at = now() WHERE id = $1`, [lineId, text, actor.id]);
    await audit(c, actor, "reconciliation.explain", "recon_line", lineId, { state: "OPEN", kind: rows[0].kind }, { state: "RESOLVED", resolution: "EXPLAINED" }, text);
  });
}

export type CloseMode = "CONFIRM" | "UPLOAD";

/**
 * Closes the day of `runId`. `send` performs the configured closing call (CONFIRM or UPLOAD)
 * and is called only once the checks pass; an admin override may close without sending.
 */
export async function closeDay(
  pool: pg.Pool,
  actor: Actor,
  runId: string,
  opts: { mode: CloseMode; send: () => Promise<void>; override?: { reason: string; send: boolean } },
): Promise<{ closeMode: CloseMode | "OVERRIDE"; sent: boolean }> {
  requireRole(actor, opts.override ? ["ADMIN"] : FINANCE_ROLES, opts.override ? "overrideAdminOnly" : "roleForbidden");
  if (opts.override && opts.override.reason.trim().length === 0) throw new ReconWorkflowError("overrideReasonRequired", "an override needs a reason");
  const run = await pool.query<{ status: string; file_date: string; latest: string; open: number }>(
    `SELECT r.status, r.file_date::text,
            (SELECT max(id) FROM recon_runs x WHERE x.file_date = r.file_date AND x.status <> 'FAILED')::text AS latest,
            (SELECT count(*)::int FROM recon_lines l WHERE l.run_id = r.id AND l.state = 'OPEN') AS open
     FROM recon_runs r WHERE r.id = $1`,
    [runId],
  );
  const r = run.rows[0];
  if (!r) throw new ReconWorkflowError("runNotFound", "no such run");
  if (r.status === "CLOSED") throw new ReconWorkflowError("closeAlreadyClosed", "the day is closed already");
  if (r.status !== "MATCHED") throw new ReconWorkflowError("closeNotMatched", `the run is ${r.status}`, { status: r.status });
  if (r.latest !== runId) throw new ReconWorkflowError("closeSuperseded", "a later run of this day exists");
  if (r.open > 0 && !opts.override) throw new ReconWorkflowError("closeOpenExceptions", `${r.open} exceptions are open`, { count: r.open });
  const sent = !opts.override || opts.override.send;
  if (sent) await opts.send();
  const closeMode = opts.override ? "OVERRIDE" : opts.mode;
  await inPgTransaction(pool, async (c) => {
    const upd = await c.query(
      `UPDATE recon_runs SET status = 'CLOSED', closed_at = now(), closed_by = $2, close_mode = $3, close_sent = $4 WHERE id = $1 AND status = 'MATCHED'`,
      [runId, actor.id, closeMode, sent],
    );
    if (upd.rowCount !== 1) throw new ReconWorkflowError("closeChanged", "the run changed meanwhile");
    await audit(
      c,
      actor,
      opts.override ? "reconciliation.closeOverride" : "reconciliation.close",
      "recon_run",
      runId,
      { status: "MATCHED", openExceptions: r.open },
      { status: "CLOSED", closeMode, sent, mode: opts.mode },
      opts.override?.reason,
    );
  });
  return { closeMode, sent };
}

/** Reopens a closed day (the custody side sent it back): the run is MATCHED again, audited. */
export async function reopenDay(pool: pg.Pool, actor: Actor, runId: string, reason: string): Promise<void> {
  requireRole(actor, FINANCE_ROLES);
  if (reason.trim().length === 0) throw new ReconWorkflowError("reopenReasonRequired", "reopening needs a reason");
  await inPgTransaction(pool, async (c) => {
    const { rows } = await c.query<{ status: string; close_mode: string | null; close_sent: boolean | null }>(
      "SELECT status, close_mode, close_sent FROM recon_runs WHERE id = $1 FOR UPDATE",
      [runId],
    );
    if (!rows[0]) throw new ReconWorkflowError("runNotFound", "no such run");
    if (rows[0].status !== "CLOSED") throw new ReconWorkflowError("reopenNotClosed", "the run is not closed", { status: rows[0].status });
    await c.query("UPDATE recon_runs SET status = 'MATCHED', closed_at = NULL, closed_by = NULL, close_mode = NULL, close_sent = NULL WHERE id = $1", [runId]);
    await audit(c, actor, "reconciliation.reopen", "recon_run", runId, rows[0], { status: "MATCHED" }, reason.trim());
  });
}
