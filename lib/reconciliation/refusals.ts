/**
 * Every refusal of the exception workflow, each with its own translated message
 * (`errors.reconciliation.<reason>` in messages/*\/errors.json) and the AppError code it maps to
 * (by its `problem`). The workflow throws ReconWorkflowError(reason, …); actions.ts turns it into
 * an AppError carrying `i18n: { key: "reconciliation.<reason>", values }`.
 */
export const REFUSALS = {
  roleForbidden: "forbidden",
  overrideAdminOnly: "forbidden",
  adjustSelfApproval: "forbidden",
  lineNotFound: "not_found",
  runNotFound: "not_found",
  adjustmentNotFound: "not_found",
  explainNoteRequired: "note_required",
  adjustAmountInvalid: "note_required",
  adjustMemoRequired: "note_required",
  overrideReasonRequired: "reason_required",
  reopenReasonRequired: "reason_required",
  explainResolved: "not_open",
  refreshResolved: "not_open",
  refreshBalance: "not_open",
  refreshNoType: "not_open",
  adjustResolved: "not_open",
  adjustDecided: "not_open",
  dayClosed: "day_closed",
  closeNotMatched: "not_matched",
  closeAlreadyClosed: "not_matched",
  closeChanged: "not_matched",
  closeSuperseded: "superseded",
  closeOpenExceptions: "open_exceptions",
  reopenNotClosed: "not_closed",
} as const;

export type RefusalReason = keyof typeof REFUSALS;
export type WorkflowProblem = (typeof REFUSALS)[RefusalReason];
export const REFUSAL_REASONS = Object.keys(REFUSALS) as RefusalReason[];
