import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { InboxTable } from "@/components/inbox/inbox-table";
import { inboxList } from "@/lib/inbox/list-params";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { endOfDay, startOfDay } from "@/lib/format/dates";
import { listInboundEvents, listInboxSources } from "@/lib/inbox/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await getAreaUser("inbox"))) return <Forbidden />;
  const p = await inboxList.loadSearchParams(searchParams);
  const t = await getTranslations("inbox");
  const tn = await getTranslations("nav");
  const db = getDb();
  const [{ rows, total, next, prev }, sources] = await Promise.all([
    listInboundEvents(
      db,
      { source: p.source, status: p.status, eventType: p.eventType, key: p.key, from: startOfDay(p.from), to: endOfDay(p.to) },
      { cursor: p.cursor, perPage: p.perPage, sortDir: p.sort.dir },
    ),
    listInboxSources(db),
  ]);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("inbox") }]} />
      <PageHeader title={t("title")} description={t("description")} />
      <InboxTable rows={rows} total={total} cursors={{ next, prev }} sources={sources} />
    </div>
  );
}
