import { multipartFormRoute } from "@/lib/auth/multipart-route";
import { getDb } from "@/lib/db";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { createProfileFromForm } from "@/lib/risk-scores/create-profile";

export const dynamic = "force-dynamic";

/** New applicant profile. A route handler: the operator report file can exceed the server-action limit. */
export const POST = multipartFormRoute(RISK_SCORE_ROLES, "riskProfile.create", (user, form, ip) => createProfileFromForm(getDb(), user, form, ip));
