import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ONE_MB, userRoute } from "@/lib/http/route";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { createProfileFromForm } from "@/lib/risk-scores/create-profile";
import { OPERATOR_REPORT_MAX_BYTES } from "@/lib/risk-scores/operator-report";

export const dynamic = "force-dynamic";

/** New applicant profile. A route handler: the operator report file can exceed the server-action limit. */
export const POST = userRoute(
  { name: "riskProfile.create", roles: RISK_SCORE_ROLES, body: "multipart", bodyLimit: OPERATOR_REPORT_MAX_BYTES + ONE_MB },
  async ({ form, user, audit }) => {
    const outcome = await createProfileFromForm(getDb(), user, form);
    if (!outcome.ok) throw new AppError("VALIDATION", "invalid profile form", { fieldErrors: outcome.fieldErrors });
    audit(outcome.audit);
    return Response.json({ profileId: outcome.profileId }, { status: 201 });
  },
);
