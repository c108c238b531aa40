import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CREDIT_REPORT_ROLES } from "@/lib/credit-reports/access";
import { reportStatusForOrder } from "@/lib/credit-reports/view";
import { getDb } from "@/lib/db";

/**
 * The credit report of a pretrial order, on the order's page and the applicant's risk-score
 * page. Loan officers see only whether one exists and its status; analysts and admins open it,
 * or upload one linked to the order. The caller has already checked the user may see the order.
 */
export async function OrderReportPanel({ pretrialOrderId, user }: { pretrialOrderId: string; user: SessionUser }) {
  const t = await getTranslations("creditReports");
  const report = await reportStatusForOrder(getDb(), pretrialOrderId);
  const analyst = (CREDIT_REPORT_ROLES as readonly string[]).includes(user.role);
  return (
    <Card data-testid="order-credit-report">
      <CardHeader>
        <CardTitle className="text-base">{t("orderPanel.title")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center gap-3 text-sm">
        {report ? (
          <>
            <span>{t("orderPanel.exists")}</span>
            <Badge variant={report.status === "DONE" ? "success" : report.status === "FAILED" ? "destructive" : "warning"} data-testid="order-report-status">{t(`status.${report.status}`)}</Badge>
            {analyst && (
              <Button asChild size="sm" variant="outline">
                <Link href={`/credit-reports/${report.id}`}>{t("open")}</Link>
              </Button>
            )}
          </>
        ) : (
          <>
            <span className="text-muted-foreground">{t("orderPanel.noneForOrder")}</span>
            {analyst && (
              <Button asChild size="sm" variant="outline">
                <Link href={`/credit-reports/new?order=${encodeURIComponent(pretrialOrderId)}`}>{t("upload")}</Link>
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
