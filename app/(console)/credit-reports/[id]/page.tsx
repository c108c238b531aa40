import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IndicatorsPanel } from "@/components/credit-reports/indicators-panel";
import { ReportWithPdf } from "@/components/credit-reports/pdf-pane";
import { ReportBody } from "@/components/credit-reports/report-body";
import { StatusProgress } from "@/components/credit-reports/status-progress";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getReportView } from "@/lib/credit-reports/view";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("creditReports"))("title") };
}

export default async function CreditReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("credit-reports");
  if (!user) return <Forbidden />;
  const view = await getReportView(getDb(), user, (await params).id);
  if (!view) notFound();
  const t = await getTranslations("creditReports");
  const tn = await getTranslations("nav");
  const title = view.reportNo ?? t("title");
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("credit-reports"), href: "/credit-reports" }, { label: title }]} />
      <PageHeader
        title={title}
        description={[view.subjectNameMasked, view.subjectIdMasked].filter(Boolean).join(" · ") || undefined}
      />
      {view.status !== "DONE" && (
        <StatusProgress reportId={view.id} initial={{ status: view.status, failureCode: view.failureCode, failureRetrying: view.failureRetrying, attempts: view.attempts }} />
      )}
      {view.sections && view.indicators && (
        <ReportWithPdf reportId={view.id}>
          <div className="space-y-4" data-testid="report-viewer">
            <IndicatorsPanel i={view.indicators} />
            <ReportBody reportId={view.id} s={view.sections} unreadable={view.unreadable} reportDate={view.indicators.reportDate} />
          </div>
        </ReportWithPdf>
      )}
    </div>
  );
}
