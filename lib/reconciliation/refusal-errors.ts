import { AppError, type AppErrorCode } from "@/lib/errors";
import type { WorkflowProblem } from "./refusals";
import { CheckFileCloseError } from "./vendor/close-calls";
import type { ReconWorkflowError } from "./workflow";

const CODE_BY_PROBLEM: Record<WorkflowProblem, AppErrorCode> = {
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  note_required: "VALIDATION",
  reason_required: "VALIDATION",
  not_open: "INVALID_STATE",
  day_closed: "INVALID_STATE",
  not_matched: "INVALID_STATE",
  superseded: "INVALID_STATE",
  open_exceptions: "INVALID_STATE",
  not_closed: "INVALID_STATE",
};

/** A workflow refusal as the action chain shows it: its class's code, its own message. */
export function workflowAppError(error: ReconWorkflowError): AppError {
  return new AppError(CODE_BY_PROBLEM[error.problem], error.message, { i18n: { key: `reconciliation.${error.reason}`, values: error.values }, cause: error });
}

/**
 * The closing call refused (a signed non-zero code), unverifiable, or not answered (HTTP error,
 * network, timeout): the day stays open (closeDay sends before it writes); the message says which.
 */
export function closeCallAppError(error: unknown): AppError | null {
  if (error instanceof CheckFileCloseError) {
    if (error.code === null) return new AppError("VENDOR_REJECTED", error.message, { i18n: { key: "reconciliation.closeCallUnverifiable" }, cause: error });
    if (!/^\d{3}$/.test(error.code)) return new AppError("VENDOR_REJECTED", error.message, { i18n: { key: "reconciliation.closeCallRefused", values: { code: error.code } }, cause: error });
  } else if (!(error instanceof TypeError) && !(error instanceof DOMException)) {
    // fetch fails with a TypeError (network) or a DOMException (timeout, abort); anything else is not the call's.
    return null;
  }
  return new AppError("VENDOR_UNAVAILABLE", error instanceof Error ? error.message : "closing call failed", { i18n: { key: "reconciliation.closeCallUnanswered" }, cause: error });
}
