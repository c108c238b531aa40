import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CaseFields } from "@/components/risk-cases/case-fields";
import { CaseAudit, CaseHistory, CaseNotes } from "@/components/risk-cases/case-history";
import { CaseWorkflow } from "@/components/risk-cases/case-workflow";
import { NoteForm } from "@/components/risk-cases/note-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { loadCodeNames } from "@/lib/risk-cases/codes";
import { getRiskCaseForUser } from "@/lib/risk-cases/detail";
import { listAssignableUsers } from "@/lib/risk-cases/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("riskCases"))("title") };
}

export default async function RiskCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getAreaUser("risk-cases");
  if (!user) return <Forbidden />;
  const db = getDb();
  const [detail, names, assignees] = await Promise.all([getRiskCaseForUser(db, user, (await params).id), loadCodeNames(db), listAssignableUsers(db)]);
  if (!detail) notFound();
  const t = await getTranslations("riskCases");
  const tn = await getTranslations("nav");
  const c = detail.case;
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("risk-cases"), href: "/risk-cases" }, { label: c.caseNo }]} />
      <PageHeader title={c.mercName ?? c.caseNo} description={`${t("fields.caseNo")} ${c.caseNo}`} />
      {!c.schemaValid && (
        <Alert variant="warning" data-testid="case-flagged">
          {t("detail.flaggedNotice", { issues: c.schemaIssues ?? "" })}
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.vendorFields")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CaseFields c={c} names={names} />
          </CardContent>
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.workflow")}</CardTitle>
            </CardHeader>
            <CardContent>
              <CaseWorkflow
                me={user.id}
                assignees={assignees}
                admins={assignees.filter((a) => a.role === "ADMIN")}
                c={{
                  id: c.id, version: c.version, status: c.status, assigneeId: c.assigneeId, assigneeName: detail.assignee?.displayName ?? null, conclusion: c.conclusion,
                  conclusionNote: c.conclusionNote, snoozedUntil: c.snoozedUntil?.toISOString() ?? null, escalatedAt: c.escalatedAt?.toISOString() ?? null, escalationReason: c.escalationReason,
                  escalatedBy: detail.escalation?.by ?? null, escalatedTo: detail.escalation?.to ?? null,
                }}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.notes")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <CaseNotes notes={detail.notes} />
              <NoteForm caseId={c.id} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.history")}</CardTitle>
            </CardHeader>
            <CardContent>
              <CaseHistory changes={detail.changes} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("detail.audit")}</CardTitle>
            </CardHeader>
            <CardContent>
              <CaseAudit audit={detail.audit} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
