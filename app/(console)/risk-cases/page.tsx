import { Tags } from "lucide-react";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { getLocale, getTranslations } from "next-intl/server";
import { CasesTable } from "@/components/risk-cases/cases-table";
import { LookupForm } from "@/components/risk-cases/lookup-form";
import { SavedFilters } from "@/components/risk-cases/saved-filters";
import { SyncPanel } from "@/components/risk-cases/sync-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { citiesOf, describeArea, provinces } from "@/lib/regions";
import { codeNamesRecord, loadCodeNames } from "@/lib/risk-cases/codes";
import { ignoredFilterValues, riskCaseList, toRiskCaseFilters } from "@/lib/risk-cases/list-params";
import { listAssignableUsers, listRiskCases } from "@/lib/risk-cases/queries";
import { listSavedFilters } from "@/lib/risk-cases/saved-filters";
import { getSyncStatus } from "@/lib/risk-cases/sync-status";

export async function generateMetadata() {
  return { title: (await getTranslations("riskCases"))("title") };
}

export default async function RiskCasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("risk-cases");
  if (!user) return <Forbidden />;
  const raw = await searchParams;
  const p = await riskCaseList.loadSearchParams(raw);
  const ignored = ignoredFilterValues(raw, p);
  // A reversed range matches nothing: say why rather than leave an unexplained empty list.
  const reversed = p.from && p.to && p.from.getTime() > p.to.getTime() ? { from: p.from.toISOString().slice(0, 10), to: p.to.toISOString().slice(0, 10) } : null;
  const t = await getTranslations("riskCases");
  const tn = await getTranslations("nav");
  const db = getDb();
  const [list, assignees, saved, sync, codes, locale] = await Promise.all([
    listRiskCases(db, user, toRiskCaseFilters(p), { cursor: p.cursor, perPage: p.perPage, sort: p.sort }),
    listAssignableUsers(db),
    listSavedFilters(db, user.id),
    getSyncStatus(db),
    loadCodeNames(db),
    getLocale(),
  ]);
  const areaNames = Object.fromEntries(list.rows.flatMap((r) => (r.areaCode ? [[r.areaCode, describeArea(r.areaCode) ?? r.areaCode]] : [])));
  const syncView = {
    ...sync,
    run: sync.run && {
      ...sync.run,
      windowStart: sync.run.windowStart?.toISOString() ?? null,
      windowEnd: sync.run.windowEnd?.toISOString() ?? null,
      finishedAt: sync.run.finishedAt?.toISOString() ?? null,
      // Failure text can name configuration: admins only.
      lastError: user.role === "ADMIN" ? sync.run.lastError : null,
    },
  };
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("risk-cases") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <LookupForm />
            {user.role === "ADMIN" && (
              <Button asChild variant="outline" size="sm">
                <Link href="/risk-cases/codes">
                  <Tags className="size-4" aria-hidden />
                  {t("codes.title")}
                </Link>
              </Button>
            )}
          </>
        }
      />
      <SyncPanel initial={syncView} canSeeErrors={user.role === "ADMIN"} />
      <SavedFilters saved={saved} />
      {ignored.length > 0 && (
        <Alert variant="warning" data-testid="filters-ignored">
          {t("filtersIgnored", { values: ignored.map((x) => `${x.key}=${x.value}`).join(", ") })}
        </Alert>
      )}
      {reversed && (
        <Alert variant="warning" data-testid="range-reversed">
          {t("rangeReversed", reversed)}
        </Alert>
      )}
      <CasesTable
        rows={list.rows}
        total={list.total}
        cursors={{ next: list.next, prev: list.prev }}
        tabCounts={list.tabCounts}
        snoozed={list.snoozed}
        snoozedView={p.snoozed}
        isAdmin={user.role === "ADMIN"}
        assignees={assignees}
        provinces={provinces().map((x) => ({ value: x.code, label: x.name }))}
        cities={p.prov ? citiesOf(p.prov).map((x) => ({ value: x.code, label: x.name })) : []}
        codeNames={codeNamesRecord(codes)}
        areaNames={areaNames}
        locale={locale}
        now={new Date().toISOString()}
      />
    </div>
  );
}
