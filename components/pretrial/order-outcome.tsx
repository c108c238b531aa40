"use client";

import { Building2, FilePlus2, Gauge } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrderJson } from "@/lib/pretrial/order-json";
import type { OrderAction, OrderOutcome } from "@/lib/pretrial/order-state";
import { cn } from "@/lib/utils";
import { OrderResult } from "./order-result";

const EDGE: Partial<Record<OrderOutcome, string>> = {
  passed: "border-l-4 border-l-success",
  failed: "border-l-4 border-l-destructive",
  declined: "border-l-4 border-l-warning",
  subjectMissing: "border-l-4 border-l-destructive",
  vendorError: "border-l-4 border-l-destructive",
  rejected: "border-l-4 border-l-destructive",
};

/**
 * Once the signing is over, the top of the order page: what happened, the result, and the next
 * step (choose a capital provider, a new order from this one, a risk score). Only the steps
 * `allowedOrderActions` lists are offered.
 */
export function OrderOutcomePanel({ order, outcome, actions }: { order: OrderJson; outcome: OrderOutcome; actions: readonly OrderAction[] }) {
  const t = useTranslations("pretrial");
  const tr = useTranslations("riskProfile");
  const reason = order.errReason ?? order.lastError ?? "—";
  const hasResult = order.pretrialStatus !== null;
  const next = actions.filter((a) => a === "chooseCapital" || a === "newFromThis" || a === "requestRiskScore");
  return (
    <Card className={cn(EDGE[outcome])} data-testid="order-outcome" data-outcome={outcome}>
      <CardHeader>
        <CardTitle>{t(`outcomeTitle.${outcome}`)}</CardTitle>
        <CardDescription data-testid="order-outcome-text">{t(`outcomeText.${outcome}`, { reason })}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {hasResult && <OrderResult order={order} />}
        {next.length > 0 && (
          <div className="space-y-2">
            <p className="text-sm font-medium">{t("nextStep")}</p>
            <div className="flex flex-wrap gap-2" data-testid="next-steps">
              {next.includes("chooseCapital") && (
                <Button size="sm" asChild>
                  <a href="#capital" data-testid="next-choose-capital">
                    <Building2 className="size-4" aria-hidden />
                    {t("chooseCapital", { count: order.recommendations.length })}
                  </a>
                </Button>
              )}
              {next.includes("newFromThis") && (
                <Button size="sm" variant={outcome === "failed" ? "outline" : "default"} asChild>
                  <Link href={`/pretrial/new?from=${order.id}`} data-testid="next-new-from">
                    <FilePlus2 className="size-4" aria-hidden />
                    {t("newFromFailed")}
                  </Link>
                </Button>
              )}
              {next.includes("requestRiskScore") && (
                <Button size="sm" variant="outline" asChild>
                  <Link href={`/risk-scores/new?order=${order.id}`} data-testid="next-risk-score">
                    <Gauge className="size-4" aria-hidden />
                    {tr("requestScore")}
                  </Link>
                </Button>
              )}
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
