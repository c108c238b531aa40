import { notFound } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { WaitingAdjustments } from "@/components/reconciliation/adjustments";
import { ClosePanel } from "@/components/reconciliation/close-panel";
import { ExceptionsTable } from "@/components/reconciliation/exceptions-table";
import { ReconLinesTable } from "@/components/reconciliation/lines-table";
import { RunStatusBadge } from "@/components/reconciliation/run-status-badge";
import { RunSummary } from "@/components/reconciliation/run-summary";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getPool } from "@/lib/db/pool";
import { listRunLines } from "@/lib/reconciliation/lines";
import { ignoredLineFilters, reconLineList, toReconLineFilters } from "@/lib/reconciliation/list-params";
import { getRun } from "@/lib/reconciliation/queries";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";

export async function generateMetadata() {
  return { title: (await getTranslations("reconciliation"))("title") };
}

export default async function ReconRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("reconciliation");
  if (!user) return <Forbidden />;
  const { id } = await params;
  const detail = await getRun(user, id);
  if (!detail) notFound();
  const { run, summary, exceptions, latestOfDay, adjustments } = detail;
  const raw = await searchParams;
  const p = await reconLineList.loadSearchParams(raw);
  const ignored = ignoredLineFilters(raw, p);
  const lines =
    run.status === "FAILED" || run.status === "RUNNING"
      ? null
      : await listRunLines(getDb(), user, run.id, toReconLineFilters(p), { cursor: p.cursor, perPage: p.perPage, sort: p.sort }, { pool: getPool, platformNo: () => lanmaoConfig().platformNo });
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
      {lines && (
        <Card>
          <CardHeader>
            <CardTitle>{t("lines.title")}</CardTitle>
            <p className="text-sm text-muted-foreground">{t("lines.description")}</p>
          </CardHeader>
          <CardContent className="space-y-2">
            {ignored.length > 0 && (
              <Alert>
                <AlertDescription>{t("lines.ignored", { values: ignored.map((i) => `${i.key}=${i.value}`).join(", ") })}</AlertDescription>
              </Alert>
            )}
            <ReconLinesTable rows={lines.rows} total={lines.total} cursors={{ next: lines.next, prev: lines.prev }} derived={lines.derived} />
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
