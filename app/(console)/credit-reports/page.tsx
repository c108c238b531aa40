import { Upload } from "lucide-react";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { ReportsTable } from "@/components/credit-reports/reports-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { reportList, toReportFilters } from "@/lib/credit-reports/list-params";
import { listCreditReports } from "@/lib/credit-reports/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("creditReports"))("title") };
}

export default async function CreditReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("credit-reports");
  if (!user) return <Forbidden />;
  const p = await reportList.loadSearchParams(searchParams);
  const t = await getTranslations("creditReports");
  const tn = await getTranslations("nav");
  const { rows, total, next, prev } = await listCreditReports(getDb(), user, toReportFilters(p), { cursor: p.cursor, perPage: p.perPage, sort: p.sort });
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("credit-reports") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild data-testid="upload-report">
            <Link href="/credit-reports/new">
              <Upload className="size-4" aria-hidden />
              {t("upload")}
            </Link>
          </Button>
        }
      />
      <ReportsTable rows={rows} total={total} cursors={{ next, prev }} />
    </div>
  );
}
