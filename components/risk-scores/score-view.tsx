"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Radio } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { ScoreDecisionBadge } from "./decision-badge";
import { HistoryLookup } from "./history-lookup";
import { formatScore, scoreOutcome } from "@/lib/risk-scores/outcome";
import { ProfileSummary } from "./profile-summary";
import { ScoreExplanation } from "./score-explanation";
import type { ScoreView as ScoreViewData } from "@/lib/risk-scores/score-view";

async function fetchScore(id: string): Promise<ScoreViewData> {
  const res = await fetch(`/api/risk-scores/${id}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`risk score ${id}: HTTP ${res.status}`);
  return res.json();
}

const SCORE_TONE = { pass: "text-success", fail: "text-destructive", "model-error": "text-warning", pending: "text-muted-foreground", failed: "text-muted-foreground" } as const;

/** The score page. Polls every 2 s while the request is pending, so a retry lands without a reload. */
export function ScoreView({ initial }: { initial: ScoreViewData }) {
  const t = useTranslations("riskScores");
  const format = useFormatter();
  const query = useQuery({
    queryKey: ["risk-score", initial.id],
    queryFn: () => fetchScore(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "PENDING" ? 2000 : false),
  });
  const view = query.data;
  const outcome = scoreOutcome(view);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" }) : null);
  const facts: [string, string | number | null][] = [
    [t("cutoffUsed"), view.cutoff],
    [t("channelKind"), t(`channels.${view.channelKind}`)],
    [t("status"), t(`statuses.${view.status}`)],
    [t("fromHistory"), view.fromHistory ? t("fromHistoryYes") : t("no")],
    [t("attempts"), view.attempts],
    [t("vendorCode"), view.vendorCode],
    [t("createdAt"), when(view.createdAt)],
    [t("scoredAt"), when(view.scoredAt)],
  ];
  return (
    <div className="space-y-4">
      <Link href="/risk-scores" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("backToList")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold">{view.zwOrder}</h1>
        <ScoreDecisionBadge status={view.status} decision={view.decision} lastError={view.lastError} />
        {view.status === "PENDING" && (
          <span className="flex items-center gap-1 text-xs text-muted-foreground">
            <Radio className="size-3 animate-pulse text-success" aria-hidden />
            {t("live")}
          </span>
        )}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-5 [&>*]:min-w-0">
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle><h2>{t("resultTitle")}</h2></CardTitle>
          </CardHeader>
          <CardContent className="space-y-5">
            <div className="flex flex-wrap items-end gap-x-8 gap-y-4">
              <div>
                <p className="text-xs text-muted-foreground">{t("score")}</p>
                <p className={cn("text-5xl font-bold tabular-nums", SCORE_TONE[outcome])} data-testid="score-value">{formatScore(view.score)}</p>
              </div>
              <dl className="grid flex-1 grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="font-medium">{value ?? "—"}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <ScoreExplanation view={view} />
            <HistoryLookup requestId={view.id} storedScore={view.score} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle><h2>{t("profileTitle")}</h2></CardTitle>
          </CardHeader>
          <CardContent>
            <ProfileSummary view={view} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
