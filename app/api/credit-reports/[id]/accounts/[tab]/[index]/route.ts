import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { isAccountTabKey } from "@/lib/credit-reports/account-view";
import { getAccountDetail } from "@/lib/credit-reports/view";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * One account's fields and monthly amounts, fetched when the analyst unfolds it in the viewer
 * (the page itself carries only compact rows). Analysts and admins; every reading audited,
 * like the PDF, because it is the report's content.
 */
export const GET = userRoute<{ id: string; tab: string; index: string }>(
  { name: "credit-report.account", roles: CREDIT_REPORT_ROLES, audit: "success" },
  async ({ params, user, audit }) => {
    const index = /^\d{1,4}$/.test(params.index) ? Number(params.index) : NaN;
    if (!isAccountTabKey(params.tab) || !Number.isInteger(index)) throw new AppError("NOT_FOUND", "no such account tab or index");
    const detail = await getAccountDetail(getDb(), user, params.id, params.tab, index);
    if (!detail) throw new AppError("NOT_FOUND", "credit report account not found");
    audit({ targetType: "CreditReport", targetId: params.id, detail: `read account ${params.tab}[${index}]` });
    return Response.json(detail, { headers: { "cache-control": "private, no-store" } });
  },
);
