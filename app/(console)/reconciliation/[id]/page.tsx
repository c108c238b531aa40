import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WaitingAdjustments } from "@/components/reconciliation/adjustments";
import { ClosePanel } from "@/components/reconciliation/close-panel";
import { ExceptionsTable } from "@/components/reconciliation/exceptions-table";
import { RunStatusBadge } from "@/components/reconciliation/run-status-badge";
import { RunSummary } from "@/components/reconciliation/run-summary";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getRun } from "@/lib/reconciliation/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("reconciliation"))("title") };
}

export default async function ReconRunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("reconciliation");
  if (!user) return <Forbidden />;
  const { id } = await params;
  const detail = await getRun(user, id);
  if (!detail) notFound();
  const { run, summary, exceptions, latestOfDay, adjustments } = detail;
  const t = await getTranslations("reconciliation");
  const tn = await getTranslations("nav");
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("reconciliation"), href: "/reconciliation" }, { label: run.fileDate }]} />
      <PageHeader
        title={t("run.title", { day: run.fileDate })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={run.status} />
            {run.status !== "FAILED" &&
              (["exceptions", "lines"] as const).flatMap((what) =>
                (["csv", "xlsx"] as const).map((format) => (
                  <Button key={`${what}-${format}`} asChild variant="outline" size="sm">
                    <a href={`/api/reconciliation/runs/${run.id}/export?what=${what}&format=${format}`} data-testid={`recon-export-${what}-${format}`}>
                      {t(`export.${what}${format === "csv" ? "Csv" : "Xlsx"}`)}
                    </a>
                  </Button>
                )),
              )}
          </div>
        }
      />
      {run.status === "FAILED" && (
        <Alert variant="destructive" data-testid="recon-failure">
          <AlertDescription>
            {t("run.failedAt", { problem: run.errorProblem ?? "", fileType: run.errorFileType ?? "", line: String(run.errorLine ?? ""), column: run.errorColumn ?? "" })}
          </AlertDescription>
        </Alert>
      )}
      {summary.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("run.summary")}</CardTitle>
          </CardHeader>
          <CardContent>
            <RunSummary rows={summary} />
          </CardContent>
        </Card>
      )}
      {run.status !== "FAILED" && (
        <Card>
          <CardHeader>
            <CardTitle>{t("run.exceptions")}</CardTitle>
          </CardHeader>
          <CardContent>
            {exceptions.length === 0 ? <p className="text-sm text-muted-foreground">{t("run.noExceptions")}</p> : <ExceptionsTable runId={run.id} rows={exceptions} canEdit={run.status === "MATCHED"} />}
          </CardContent>
        </Card>
      )}
      {adjustments.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("adjust.waitingTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <WaitingAdjustments runId={run.id} rows={adjustments} currentUserId={user.id} />
          </CardContent>
        </Card>
      )}
      {(run.status === "MATCHED" || run.status === "CLOSED") && (
        <Card>
          <CardHeader>
            <CardTitle>{t("close.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ClosePanel runId={run.id} status={run.status} open={run.open} isAdmin={user.role === "ADMIN"} latestOfDay={latestOfDay} closeMode={run.closeMode} closeSent={run.closeSent} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
