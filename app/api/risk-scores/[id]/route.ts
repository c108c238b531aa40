import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userRoute } from "@/lib/http/route";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { getScoreRequestForUser } from "@/lib/risk-scores/queries";
import { toScoreView } from "@/lib/risk-scores/score-view";

export const dynamic = "force-dynamic";

/** The score page polls this while the request is pending, so a retry shows up without a reload. */
export const GET = userRoute<{ id: string }>({ name: "riskScore.read", roles: RISK_SCORE_ROLES }, async ({ user, params }) => {
  const detail = await getScoreRequestForUser(getDb(), user, params.id);
  if (!detail) throw new AppError("NOT_FOUND", `score request ${params.id}`);
  return Response.json(toScoreView(detail, { technical: user.role === "ADMIN" }), { headers: { "cache-control": "no-store" } });
});
