import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { getReportStatus } from "@/lib/credit-reports/view";
import { getDb } from "@/lib/db";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The viewer's progress poll: status, failure code and attempts only. */
export const GET = userRoute<{ id: string }>({ name: "credit-report.status", roles: CREDIT_REPORT_ROLES }, async ({ params, user }) => {
  const status = await getReportStatus(getDb(), user, params.id);
  return Response.json(status, { headers: { "cache-control": "no-store" } });
});
