import { getTranslations } from "next-intl/server";
import { UploadForm } from "@/components/credit-reports/upload-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("creditReports"))("uploadTitle") };
}

export default async function NewCreditReportPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const user = await getAreaUser("credit-reports");
  if (!user) return <Forbidden />;
  const t = await getTranslations("creditReports");
  const tn = await getTranslations("nav");
  const { order } = await searchParams;
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("credit-reports"), href: "/credit-reports" }, { label: t("uploadTitle") }]} />
      <PageHeader title={t("uploadTitle")} />
      <UploadForm pretrialOrderId={typeof order === "string" ? order : undefined} />
    </div>
  );
}
