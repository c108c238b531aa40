import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { auditList } from "@/lib/audit/list-params";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
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
  const tn = await getTranslations("nav");
  const { rows, total, next, prev } = await listAuditLogs(
    getDb(),
    { actor: p.actor, action: p.action, outcome: p.outcome, target: p.target, from: startOfDay(p.from), to: endOfDay(p.to) },
    { cursor: p.cursor, perPage: p.perPage, sortDir: p.sort.dir },
  );
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("audit") }]} />
      <PageHeader title={t("title")} description={t("description")} />
      <AuditTable rows={rows} total={total} cursors={{ next, prev }} />
    </div>
  );
}
