import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { enqueueRecognition } from "@/lib/credit-reports/jobs";
import { uploadCreditReportStream } from "@/lib/credit-reports/upload";
import { getDb } from "@/lib/db";
import { ONE_MB, userRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Upload a credit-report PDF (multipart `file`, optional `pretrialOrderId`). A route handler
 * because server actions cap bodies at 1 MB; the body is streamed to an encrypted temp file
 * (never held in memory), cut off past 30 MB plus the form's envelope. 201 with the new report, 200 with the existing one when the same
 * file was uploaded before; recognition runs in the worker (deepfinch.recognise).
 */
const BODY_LIMIT = 30 * ONE_MB + 64 * 1024;

export const POST = userRoute(
  { name: "credit-report.upload", roles: CREDIT_REPORT_ROLES, body: "stream", bodyLimit: BODY_LIMIT },
  async ({ request, user, audit }) => {
    const outcome = await uploadCreditReportStream(getDb(), user, request, BODY_LIMIT);
    audit({ targetType: "CreditReport", targetId: outcome.reportId, detail: outcome.created ? "uploaded" : "same file as an existing report" });
    if (outcome.created) await enqueueRecognition(outcome.reportId);
    return Response.json(outcome, { status: outcome.created ? 201 : 200 });
  },
);
