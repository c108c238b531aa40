/** One changed field of an audit row: its value before and after (undefined when absent). */
export type FieldChange = { field: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The fields an audit row changed, before → after. Objects are compared field by field (a field
 * equal on both sides is left out unless nothing differs); anything else is one change "value".
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    // A field empty on both sides (e.g. no source order on a creation) says nothing.
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => b[f] != null || a[f] != null);
    const changed = fields.filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]));
    return (changed.length ? changed : fields).map((field) => ({ field, before: b[field], after: a[field] }));
  }
  return [{ field: "value", before: before ?? undefined, after: after ?? undefined }];
}

/** A value as a short string for the table: strings bare, the rest as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return "∅";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Every action the console writes to the audit log (their words live in messages/<locale>/audit.json). */
export const AUDIT_ACTIONS = [
  "auth.signIn",
  "auth.signOut",
  "user.create",
  "user.changeRole",
  "user.setDisabled",
  "user.resetPassword",
  "pretrial.create",
  "pretrial.read",
  "pretrial.export",
  "pretrial.personSearch",
  "pretrial.retrySubmit",
  "pretrial.refreshResult",
  "pretrial.pushOutside",
  "riskProfile.create",
  "riskScore.request",
  "riskScore.read",
  "riskScore.export",
  "riskScore.history",
  "riskScore.setCutoffs",
  "riskScore.applicantDataPull",
  "pii.reveal",
  "inbox.rerun",
  "inbox.body.download",
  "riskCase.take",
  "riskCase.assign",
  "riskCase.setStatus",
  "riskCase.close",
  "riskCase.reopen",
  "riskCase.snooze",
  "riskCase.escalate",
  "riskCase.note",
  "riskCase.bulkAssign",
  "riskCase.bulkClose",
  "riskCase.sync",
  "riskCase.lookup",
  "riskCase.export",
  "riskCase.saveFilter",
  "riskCase.deleteFilter",
  "riskCase.nameCode",
] as const;
