import { toScoreView } from "@/lib/risk-scores/score-view";
import { guardRoute } from "@/lib/auth/route-guard";
import { getDb } from "@/lib/db";
import { RISK_SCORE_ROLES } from "@/lib/risk-scores/access";
import { getScoreRequestForUser } from "@/lib/risk-scores/queries";

export const dynamic = "force-dynamic";

/** The score page polls this while the request is pending, so a retry shows up without a reload. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute(request, RISK_SCORE_ROLES, "riskScore.read");
  if ("response" in guard) return guard.response;
  const detail = await getScoreRequestForUser(getDb(), guard.user, (await params).id);
  if (!detail) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  return Response.json(toScoreView(detail, { technical: guard.user.role === "ADMIN" }), { headers: { "cache-control": "no-store" } });
}
