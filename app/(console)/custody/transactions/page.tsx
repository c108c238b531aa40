import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { RequestsTable } from "@/components/custody/requests-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { requestList } from "@/lib/custody/list-params";
import { listCustodyRequests } from "@/lib/custody/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata() {
  return { title: (await getTranslations("custody"))("transactionsTitle") };
}

export default async function CustodyTransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("custody");
  if (!user) return <Forbidden />;
  const p = await requestList.loadSearchParams(searchParams);
  const t = await getTranslations("custody");
  const tn = await getTranslations("nav");
  const { rows, total, next, prev } = await listCustodyRequests(getDb(), user, p);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("custody"), href: "/custody" }, { label: t("transactionsTitle") }]} />
      <PageHeader title={t("transactionsTitle")} description={t("transactionsDescription")} />
      <RequestsTable rows={rows} total={total} cursors={{ next, prev }} />
    </div>
  );
}
