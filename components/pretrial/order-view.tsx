"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Radio } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RevealValue } from "@/components/pii/reveal-value";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrderJson } from "@/lib/pretrial/order-json";
import { allowedOrderActions, isSigningOver, orderOutcome } from "@/lib/pretrial/order-state";
import { isInFlight } from "@/lib/pretrial/status";
import { CapitalList } from "./capital-list";
import { OrderActions } from "./order-actions";
import { OrderOutcomePanel } from "./order-outcome";
import { OrderRiskScore } from "./order-risk-score";
import { OrderSigning } from "./order-signing";
import { OrderTimeline } from "./order-timeline";
import { PretrialStatusBadge } from "./status-badge";

async function fetchOrder(id: string): Promise<OrderJson> {
  const res = await fetch(`/api/pretrial/orders/${id}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`order ${id}: HTTP ${res.status}`);
  return res.json();
}

/**
 * The order page. Polls every 2 s while the order is in flight, so callbacks show up without a
 * reload. It follows the order: while the signature is awaited the signing card leads; once the
 * customer signed, declined or the platform ended the order, the card folds away and the outcome
 * with the next step leads. What is offered comes from `allowedOrderActions`.
 */
export function OrderView({ initial, canWrite, canScore }: { initial: OrderJson; canWrite: boolean; canScore: boolean }) {
  const t = useTranslations("pretrial");
  const tr = useTranslations("riskProfile");
  const format = useFormatter();
  const query = useQuery({
    queryKey: ["pretrial-order", initial.id],
    queryFn: () => fetchOrder(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isInFlight(q.state.data.status) ? 2000 : false),
  });
  const order = query.data;
  const live = isInFlight(order.status);
  const outcome = orderOutcome(order);
  const signingOver = isSigningOver(outcome);
  const actions = allowedOrderActions({ ...order, recommendationCount: order.recommendations.length, canWrite, canScore });
  const details: [string, ReactNode][] = [
    [t("outsideOrderId"), order.outsideOrderId],
    [t("querySn"), order.querySn],
    // Revealable by the roles that may act on the order (lib/pii/revealers.ts), audited.
    [t("customerName"), canWrite ? <RevealValue masked={order.customerNameMasked} target={{ targetType: "pretrialOrder", targetId: order.id, field: "customerName" }} testId="customer-name" /> : order.customerNameMasked],
    [t("idNumber"), order.idNumberMasked],
    [t("mobile"), order.mobileMasked],
    [t("dealerName"), order.dealerName],
    [t("officer"), order.officerName],
    [t("createdAt"), format.dateTime(new Date(order.createdAt), { dateStyle: "medium", timeStyle: "short" })],
  ];
  return (
    <div className="min-w-0 space-y-4">
      <Link href="/pretrial" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("backToList")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="font-mono text-lg font-semibold break-all sm:text-xl">{order.outsideOrderId}</h1>
          <PretrialStatusBadge status={order.status} errReason={order.errReason} />
          {live && (
            <span className="flex items-center gap-1 text-xs text-muted-foreground">
              <Radio className="size-3 animate-pulse text-success" aria-hidden />
              {t("live")}
            </span>
          )}
        </div>
        <OrderActions orderId={order.id} actions={actions} onChanged={() => query.refetch()} />
      </div>
      {order.status === "SUBMITTING" && order.vendorHasOrderAt && (
        <Alert variant="warning">
          <AlertDescription data-testid="vendor-has-order">{t("vendorHasOrder")}</AlertDescription>
        </Alert>
      )}
      {order.status === "SUBMITTING" && !order.vendorHasOrderAt && order.lastError && (
        <Alert variant="warning">
          <AlertDescription data-testid="stuck-submitting">{t("stuckSubmitting", { reason: order.lastError })}</AlertDescription>
        </Alert>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-3 [&>*]:min-w-0">
        {signingOver ? (
          outcome === "processing" ? (
            <Card className="lg:col-span-2" data-testid="order-outcome" data-outcome={outcome}>
              <CardHeader>
                <CardTitle>{t("outcomeTitle.processing")}</CardTitle>
              </CardHeader>
              <CardContent>
                <p className="text-sm text-muted-foreground" data-testid="order-outcome-text">{t("outcomeText.processing")}</p>
              </CardContent>
            </Card>
          ) : (
            <div className="lg:col-span-2">
              <OrderOutcomePanel order={order} outcome={outcome} actions={actions} />
            </div>
          )
        ) : (
          <OrderSigning order={order} canSign={actions.includes("signing")} className="lg:col-span-2" />
        )}
        <Card className="lg:row-span-2">
          <CardHeader>
            <CardTitle>{t("timeline")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderTimeline events={order.events} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{tr("orderScore")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderRiskScore order={order} canScore={actions.includes("requestRiskScore")} />
          </CardContent>
        </Card>
        {(outcome === "passed" || order.recommendations.length > 0) && (
          <Card className="scroll-mt-20 lg:col-span-3" id="capital">
            <CardHeader>
              <CardTitle>{t("capitalList")}</CardTitle>
            </CardHeader>
            <CardContent className="min-w-0">
              <CapitalList recommendations={order.recommendations} />
            </CardContent>
          </Card>
        )}
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
              {details.map(([label, value]) => (
                <div key={label} className="min-w-0">
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="font-medium break-all">{value ?? "—"}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
