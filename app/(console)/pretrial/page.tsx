import { Plus } from "lucide-react";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { OrdersTable } from "@/components/pretrial/orders-table";
import { pretrialList } from "@/lib/pretrial/list-params";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { PRETRIAL_WRITE_ROLES } from "@/lib/pretrial/access";
import { toPretrialFilters } from "@/lib/pretrial/list-params";
import { listOfficers, listPretrialOrders } from "@/lib/pretrial/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("pretrial"))("title") };
}

export default async function PretrialListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("pretrial");
  if (!user) return <Forbidden />;
  const p = await pretrialList.loadSearchParams(searchParams);
  const t = await getTranslations("pretrial");
  const tn = await getTranslations("nav");
  const db = getDb();
  const [{ rows, total, next, prev, tabCounts }, officers] = await Promise.all([
    listPretrialOrders(db, user, toPretrialFilters(p), { cursor: p.cursor, perPage: p.perPage, sort: p.sort }),
    user.role === "LOAN_OFFICER" ? null : listOfficers(db),
  ]);
  const canWrite = (PRETRIAL_WRITE_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("pretrial") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite && (
            <Button asChild data-testid="new-order">
              <Link href="/pretrial/new">
                <Plus className="size-4" aria-hidden />
                {t("new")}
              </Link>
            </Button>
          )
        }
      />
      <OrdersTable rows={rows} total={total} cursors={{ next, prev }} tabCounts={tabCounts} officers={officers} canWrite={canWrite} />
    </div>
  );
}
