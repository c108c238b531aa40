import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import type { RouteAuditRecord } from "@/lib/http/route";
import { OPERATOR_REPORT_MAX_BYTES, type OperatorReport, parseOperatorReport } from "./operator-report";
import { createRiskProfile } from "./profile-service";
import { ZRiskProfileInput } from "./schemas";

export type CreateProfileOutcome = { ok: true; profileId: string; audit: RouteAuditRecord } | { ok: false; fieldErrors: Record<string, string[]> };

const FIELDS = Object.keys(ZRiskProfileInput.shape);

/**
 * The profile form (multipart: fields + the operator report JSON file); nothing is stored unless
 * all of it is valid. A linked order the user may not see is NOT_FOUND (404). The route writes
 * the audit row from `audit`.
 */
export async function createProfileFromForm(db: Db, user: SessionUser, form: FormData): Promise<CreateProfileOutcome> {
  const raw = Object.fromEntries(FIELDS.map((k) => [k, typeof form.get(k) === "string" ? form.get(k) : undefined]));
  const parsed = ZRiskProfileInput.safeParse(raw);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);

  let report: OperatorReport | null = null;
  const file = form.get("operatorReport");
  if (file && typeof file !== "string" && !(file.size === 0 && file.name === "")) {
    if (file.size > OPERATOR_REPORT_MAX_BYTES) fieldErrors.operatorReport = ["report.tooLarge"];
    else {
      const result = parseOperatorReport(await file.text());
      if (result.ok) report = result.report;
      else fieldErrors.operatorReport = [`report.${result.reason}`];
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const profile = await createRiskProfile(db, user, parsed.data, report);
  return {
    ok: true,
    profileId: profile.id,
    audit: {
      targetType: "riskProfile",
      targetId: profile.id,
      after: { realName: profile.realNameMasked, idNumber: profile.idNumberMasked, pretrialOrderId: profile.pretrialOrderId, operatorReport: !!report },
    },
  };
}
