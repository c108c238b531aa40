"use client";

import { Gauge } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { OrderJson } from "@/lib/pretrial/order-json";

const DECISION_VARIANT = { pass: "success", fail: "destructive", "model-error": "warning" } as const;

/** The order's latest risk score (a failed request says 失败 and why), and the way to request one. */
export function OrderRiskScore({ order, canScore }: { order: OrderJson; canScore: boolean }) {
  const t = useTranslations("riskProfile");
  const ts = useTranslations("riskScores");
  const s = order.latestScore;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3" data-testid="order-risk-score">
      {s ? (
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          {s.status === "FAILED" ? (
            <>
              <Badge variant="destructive" data-testid="order-score-failed">{ts("outcomes.failed")}</Badge>
              <span className="text-sm text-muted-foreground">{ts(`explain.failedFor.${s.failureReason ?? "unavailable"}`)}</span>
            </>
          ) : s.status === "PENDING" ? (
            <Badge variant="secondary">{ts("outcomes.pending")}</Badge>
          ) : (
            <>
              <span className="text-2xl font-semibold tabular-nums">{s.score === null ? "—" : s.score.toFixed(1)}</span>
              {s.cutoff !== null && <span className="text-sm text-muted-foreground">/ {s.cutoff}</span>}
              {s.decision && <Badge variant={DECISION_VARIANT[s.decision as keyof typeof DECISION_VARIANT] ?? "secondary"}>{t.has(`decisions.${s.decision}`) ? t(`decisions.${s.decision}`) : s.decision}</Badge>}
            </>
          )}
          <Link href={`/risk-scores/${s.id}`} className="text-sm text-primary hover:underline">{t("viewScore")}</Link>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t("orderScoreNone")}</p>
      )}
      {canScore && (
        <Button size="sm" variant="outline" asChild>
          <Link href={`/risk-scores/new?order=${order.id}`} data-testid="order-risk-score-action">
            <Gauge className="size-4" aria-hidden />
            {t("scoreAction")}
          </Link>
        </Button>
      )}
    </div>
  );
}
