"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { RiskScoreStatus } from "@/lib/generated/prisma/enums";
import { type ScoreOutcome, scoreOutcome } from "./outcome";

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
  return (
    <Tooltip>
      {/* tabIndex: the reason must be reachable from the keyboard, not only on hover. */}
      <TooltipTrigger asChild tabIndex={0}>
        {badge}
      </TooltipTrigger>
      <TooltipContent className="break-words">{lastError}</TooltipContent>
    </Tooltip>
  );
}
