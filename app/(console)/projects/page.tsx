import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { ProjectsTable } from "@/components/custody/projects-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { projectList } from "@/lib/custody/list-params";
import { listProjects } from "@/lib/custody/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("custody"))("projectsTitle") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("projects");
  if (!user) return <Forbidden />;
  const p = await projectList.loadSearchParams(searchParams);
  const t = await getTranslations("custody");
  const tn = await getTranslations("nav");
  const { rows, total, next, prev } = await listProjects(getDb(), user, p);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("projects") }]} />
      <PageHeader title={t("projectsTitle")} description={t("projectsDescription")} />
      <ProjectsTable rows={rows} total={total} cursors={{ next, prev }} />
    </div>
  );
}
