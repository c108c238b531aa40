import { ListOrdered } from "lucide-react";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { AccountsTable } from "@/components/custody/accounts-table";
import { ApprovalsPanel } from "@/components/custody/approvals-panel";
import { OperationsPanel } from "@/components/custody/operations-panel";
import { PlatformAccounts } from "@/components/custody/platform-accounts";
import { PlatformOperations } from "@/components/custody/platform-operations";
import { ReversalsPanel } from "@/components/custody/reversals-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { accountList } from "@/lib/custody/list-params";
import { listAccounts, platformBalances, waitingApprovals } from "@/lib/custody/queries";
import { getDb } from "@/lib/db";
import { waitingReversals } from "@/lib/ledger/reversals";

export async function generateMetadata() {
  return { title: (await getTranslations("custody"))("title") };
}

export default async function CustodyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("custody");
  if (!user) return <Forbidden />;
  const p = await accountList.loadSearchParams(searchParams);
  const t = await getTranslations("custody");
  const tn = await getTranslations("nav");
  const db = getDb();
  const [accounts, platform, approvals] = await Promise.all([listAccounts(db, user, p), platformBalances(db, user), waitingApprovals(db, user)]);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("custody") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline" data-testid="custody-transactions">
            <Link href="/custody/transactions">
              <ListOrdered className="size-4" aria-hidden />
              {t("transactionsLink")}
            </Link>
          </Button>
        }
      />
      <PlatformAccounts accounts={platform} />
      <ApprovalsPanel approvals={approvals} userId={user.id} />
      {(user.role === "FINANCE" || user.role === "ADMIN") && <ReversalsPanel reversals={await waitingReversals(db)} userId={user.id} />}
      <OperationsPanel />
      {(user.role === "FINANCE" || user.role === "ADMIN") && <PlatformOperations />}
      <AccountsTable rows={accounts.rows} total={accounts.total} cursors={{ next: accounts.next, prev: accounts.prev }} />
    </div>
  );
}
