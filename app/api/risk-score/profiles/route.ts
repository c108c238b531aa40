import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { RISK_SCORE_ROLES } from "@/lib/risk-score/access";
import { createProfileFromForm } from "@/lib/risk-score/create-profile";

export const dynamic = "force-dynamic";

/** New applicant profile. A route handler: the operator report file can exceed the server-action limit. */
export async function POST(request: Request) {
  const guard = await guardRoute(request, RISK_SCORE_ROLES, "riskProfile.create");
  if ("response" in guard) return guard.response;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "VALIDATION", fieldErrors: {} }, { status: 400 });
  }
  const outcome = await createProfileFromForm(getDb(), guard.user, form, guard.ip);
  if (!outcome.ok) return Response.json({ error: "VALIDATION", fieldErrors: outcome.fieldErrors }, { status: 400 });
  return Response.json({ profileId: outcome.profileId }, { status: 201 });
}
