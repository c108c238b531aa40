"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { RiskCaseStatusValue } from "@/lib/risk-cases/list-params";
import { caseAge } from "@/lib/risk-cases/status";

const STATUS_VARIANT: Record<RiskCaseStatusValue, "default" | "secondary" | "warning" | "success" | "outline"> = {
  NEW: "default",
  INVESTIGATING: "warning",
  WAITING: "secondary",
  CLOSED: "success",
};

export function CaseStatusBadge({ status }: { status: RiskCaseStatusValue }) {
  const t = useTranslations("riskCases");
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="case-status">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

/** Days since the vendor created the case; `now` comes from the server so both renders agree. */
export function CaseAgeBadge({ createTime, now, closed }: { createTime: Date; now: Date; closed?: boolean }) {
  const t = useTranslations("riskCases");
  const age = caseAge(new Date(createTime), now);
  const variant = closed ? "outline" : age.tone === "overdue" ? "destructive" : age.tone === "ageing" ? "warning" : "secondary";
  return (
    <Badge variant={variant} title={t("age")}>
      {t("ageDays", { days: age.days })}
    </Badge>
  );
}
