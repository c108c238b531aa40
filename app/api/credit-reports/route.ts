import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { enqueueRecognition } from "@/lib/credit-reports/jobs";
import { uploadCreditReport } from "@/lib/credit-reports/upload";
import { getDb } from "@/lib/db";
import { ONE_MB, userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Upload a credit-report PDF (multipart `file`, optional `pretrialOrderId`). A route handler
 * because server actions cap bodies at 1 MB; the body is read within 30 MB plus the form's
 * envelope while streaming. 201 with the new report, 200 with the existing one when the same
 * file was uploaded before; recognition runs in the worker (deepfinch.recognise).
 */
export const POST = userRoute(
  { name: "credit-report.upload", roles: CREDIT_REPORT_ROLES, body: "multipart", bodyLimit: 30 * ONE_MB + 64 * 1024 },
  async ({ form, user, audit }) => {
    const outcome = await uploadCreditReport(getDb(), user, form);
    audit({ targetType: "CreditReport", targetId: outcome.reportId, detail: outcome.created ? "uploaded" : "same file as an existing report" });
    if (outcome.created) await enqueueRecognition(outcome.reportId);
    return Response.json(outcome, { status: outcome.created ? 201 : 200 });
  },
);
