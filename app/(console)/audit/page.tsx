import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { auditList } from "@/lib/audit/list-params";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditLogs } from "@/lib/audit/queries";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { endOfDay, startOfDay } from "@/lib/format/dates";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await getAreaUser("audit"))) return <Forbidden />;
  const p = await auditList.loadSearchParams(searchParams);
  const t = await getTranslations("audit");
  const { rows, total } = await listAuditLogs(
    getDb(),
    { actor: p.actor, action: p.action, outcome: p.outcome, target: p.target, from: startOfDay(p.from), to: endOfDay(p.to) },
    { page: p.page, perPage: p.perPage, sortDir: p.sort.dir },
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <AuditTable rows={rows} total={total} />
    </div>
  );
}
