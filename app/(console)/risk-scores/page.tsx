import { Plus, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { getTranslations } from "next-intl/server";
import { ScoreOverview } from "@/components/risk-scores/score-overview";
import { ScoresTable } from "@/components/risk-scores/scores-table";
import { scoreList, toScoreFilters } from "@/lib/risk-scores/list-params";
import { Forbidden } from "@/components/shell/forbidden";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getAreaUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getCutoffs } from "@/lib/risk-scores/cutoffs";
import { getScoreDistribution, listScoreRequests } from "@/lib/risk-scores/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("riskScores"))("title") };
}

export default async function RiskScoresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getAreaUser("risk-scores");
  if (!user) return <Forbidden />;
  const p = await scoreList.loadSearchParams(searchParams);
  const filters = toScoreFilters(p);
  const t = await getTranslations("riskScores");
  const tn = await getTranslations("nav");
  const db = getDb();
  // The chart follows the same filters as the table, so both describe the same set.
  const [{ rows, total, next, prev }, distribution, cutoffs] = await Promise.all([
    listScoreRequests(db, user, filters, { cursor: p.cursor, perPage: p.perPage, sort: p.sort }),
    getScoreDistribution(db, user, filters),
    getCutoffs(db),
  ]);
  return (
    <div className="min-w-0 space-y-4">
      <Breadcrumbs items={[{ label: tn("risk-scores") }]} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {user.role === "ADMIN" && (
              <Button asChild variant="outline" data-testid="cutoff-settings">
                <Link href="/risk-scores/settings">
                  <SlidersHorizontal className="size-4" aria-hidden />
                  {t("settingsLink")}
                </Link>
              </Button>
            )}
            <Button asChild data-testid="new-score">
              <Link href="/risk-scores/new">
                <Plus className="size-4" aria-hidden />
                {t("new")}
              </Link>
            </Button>
          </>
        }
      />
      <ScoreOverview buckets={distribution.buckets} perKind={distribution.perKind} cutoffs={cutoffs} windowDays={distribution.windowDays} />
      {/* The stored failure text is written for developers (it may name configuration): admins only. */}
      <ScoresTable rows={user.role === "ADMIN" ? rows : rows.map((r) => ({ ...r, lastError: null }))} total={total} cursors={{ next, prev }} />
    </div>
  );
}
