import { getDb } from "@/lib/db";
import { userRoute } from "@/lib/http/route";
import { RISK_CASE_ROLES } from "@/lib/risk-cases/access";
import { getSyncStatus } from "@/lib/risk-cases/sync-status";

export const dynamic = "force-dynamic";

/** The latest sync's progress for the progress bar (polled; a read, so not audited). */
export const GET = userRoute({ name: "riskCase.syncStatus", roles: RISK_CASE_ROLES }, async () => {
  return Response.json(await getSyncStatus(getDb()), { headers: { "cache-control": "no-store" } });
});
