"use client";

import { useTranslations } from "next-intl";
import { type ComponentType, type ReactElement, useEffect, useState } from "react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { RiskScoreStatus } from "@/lib/generated/prisma/enums";
import { type ScoreOutcome, scoreOutcome } from "@/lib/risk-scores/outcome";

const VARIANT: Record<ScoreOutcome, NonNullable<BadgeProps["variant"]>> = {
  pass: "success",
  fail: "destructive",
  "model-error": "warning",
  pending: "secondary",
  failed: "destructive",
};

type Props = { status: RiskScoreStatus; decision: string | null; lastError?: string | null };

/** The decision; a failed request carries its last error in a tooltip (and `title`, for touch and copy). */
export function ScoreDecisionBadge({ status, decision, lastError }: Props) {
  const t = useTranslations("riskScores.outcomes");
  const outcome = scoreOutcome({ status, decision });
  const badge = (
    <Badge variant={VARIANT[outcome]} data-testid="score-decision" data-outcome={outcome} title={outcome === "failed" && lastError ? lastError : undefined}>
      {t(outcome)}
    </Badge>
  );
  if (outcome !== "failed" || !lastError) return badge;
  return <LazyReason reason={lastError}>{badge}</LazyReason>;
}

type ReasonTooltipType = ComponentType<{ reason: string; children: ReactElement }>;

/**
 * Radix Tooltip and its popper load after hydration, only where a failed request is shown, so
 * they stay out of the list's first-load JS; until then the badge's `title` carries the reason.
 */
function LazyReason({ reason, children }: { reason: string; children: ReactElement }) {
  const [Tip, setTip] = useState<ReasonTooltipType | null>(null);
  useEffect(() => {
    let live = true;
    void import("./reason-tooltip").then((m) => live && setTip(() => m.ReasonTooltip));
    return () => {
      live = false;
    };
  }, []);
  return Tip ? <Tip reason={reason}>{children}</Tip> : children;
}
