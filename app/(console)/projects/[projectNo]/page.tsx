import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProjectDetailView } from "@/components/custody/project-detail";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getAreaUser } from "@/lib/auth/guard";
import { getProject } from "@/lib/custody/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("custody"))("projectsTitle") };
}

export default async function ProjectPage({ params }: { params: Promise<{ projectNo: string }> }) {
  const user = await getAreaUser("projects");
  if (!user) return <Forbidden />;
  const project = await getProject(getDb(), user, decodeURIComponent((await params).projectNo));
  if (!project) notFound();
  const tn = await getTranslations("nav");
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("projects"), href: "/projects" }, { label: project.projectNo }]} />
      <ProjectDetailView project={project} canPropose={user.role === "FINANCE" || user.role === "ADMIN"} />
    </div>
  );
}
