import { BarChart3 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { DistributionChart, KIND_COLOUR } from "./distribution-chart";
import type { ScoreBucket } from "./histogram-scale";

type Props = {
  buckets: ScoreBucket[];
  perKind: Record<ChannelKind, { scored: number; passed: number }>;
  cutoffs: Record<ChannelKind, number>;
  /** Days the chart covers when no date filter is set (null: it follows the filter). */
  windowDays?: number | null;
};

/** Above the list: how the filtered scores fall against the cut-offs, and what share passed. */
export function ScoreOverview({ buckets, perKind, cutoffs, windowDays }: Props) {
  const t = useTranslations("riskScores");
  const format = useFormatter();
  const scored = perKind.NATURAL.scored + perKind.REFERRAL.scored;
  return (
    <Card data-testid="score-overview">
      <CardHeader>
        <CardTitle><h2>{t("chart.title")}</h2></CardTitle>
        <CardDescription>
          {t("chart.description")}
          {windowDays ? ` ${t("chart.window", { days: windowDays })}` : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {scored === 0 ? (
          <EmptyState icon={BarChart3} title={t("chart.empty")} description={t("chart.emptyHint")} />
        ) : (
          <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
            <DistributionChart buckets={buckets} cutoffs={cutoffs} />
            <dl className="grid content-start gap-4 sm:grid-cols-2 lg:grid-cols-1" data-testid="pass-rates">
              {(["NATURAL", "REFERRAL"] as const).map((kind) => {
                const { scored: n, passed } = perKind[kind];
                return (
                  <div key={kind} className="rounded-md border p-3">
                    <dt className="flex items-center gap-1.5 text-xs text-muted-foreground">
                      <span className={`inline-block size-2.5 rounded-sm bg-current ${KIND_COLOUR[kind]}`} aria-hidden />
                      {t("passRateOf", { channel: t(`channels.${kind}`) })}
                    </dt>
                    <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`pass-rate-${kind}`}>
                      {n === 0 ? "—" : format.number(passed / n, { style: "percent", maximumFractionDigits: 1 })}
                    </dd>
                    <dd className="text-xs text-muted-foreground">
                      {t("passRateDetail", { passed, scored: n, cutoff: cutoffs[kind] })}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
