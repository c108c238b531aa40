import { getTranslations } from "next-intl/server";
import { RunForm } from "@/components/reconciliation/run-form";
import { RunsTable } from "@/components/reconciliation/runs-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { defaultRunDate, listRuns } from "@/lib/reconciliation/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("reconciliation"))("title") };
}

/** `?day=yyyy-MM-dd` (the workbench's to-do links with it) chooses the day the form starts on. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<{ day?: string | string[] }> }) {
  const user = await getAreaUser("reconciliation");
  if (!user) return <Forbidden />;
  const t = await getTranslations("reconciliation");
  const tn = await getTranslations("nav");
  const runs = await listRuns(user);
  const { day } = await searchParams;
  const startDay = typeof day === "string" && DAY.test(day) && !Number.isNaN(Date.parse(day)) ? day : defaultRunDate();
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("reconciliation") }]} />
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("runForm.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RunForm defaultDate={startDay} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("history.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RunsTable runs={runs} />
        </CardContent>
      </Card>
    </div>
  );
}
