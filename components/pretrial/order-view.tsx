"use client";

import { useQuery } from "@tanstack/react-query";
import { Radio } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isInFlight } from "@/lib/pretrial/status";
import { CapitalList } from "./capital-list";
import { OrderActions } from "./order-actions";
import { OrderResult } from "./order-result";
import { OrderRiskScore } from "./order-risk-score";
import { OrderTimeline } from "./order-timeline";
import { SigningQr } from "./signing-qr";
import { PretrialStatusBadge } from "./status-badge";
import type { OrderJson } from "@/lib/pretrial/order-json";

async function fetchOrder(id: string): Promise<OrderJson> {
  const res = await fetch(`/api/pretrial/orders/${id}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`order ${id}: HTTP ${res.status}`);
  return res.json();
}

/** The order page. Polls every 2 s while the order is in flight, so callbacks show up without a reload. */
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
  const details: [string, string | null][] = [
    [t("outsideOrderId"), order.outsideOrderId],
    [t("querySn"), order.querySn],
    [t("customerName"), order.customerName],
    [t("idNumber"), order.idNumberMasked],
    [t("mobile"), order.mobileMasked],
    [t("dealerName"), order.dealerName],
    [t("officer"), order.officerName],
    [t("createdAt"), format.dateTime(new Date(order.createdAt), { dateStyle: "medium", timeStyle: "short" })],
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="font-mono text-xl font-semibold">{order.outsideOrderId}</h1>
          <PretrialStatusBadge status={order.status} />
          {live && (
            <span className="flex items-center gap-1 text-xs text-muted-foreground">
              <Radio className="size-3 animate-pulse text-success" aria-hidden />
              {t("live")}
            </span>
          )}
        </div>
        <OrderActions order={order} canWrite={canWrite} onChanged={() => query.refetch()} />
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
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:row-span-2">
          <CardHeader>
            <CardTitle>{t("signTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-6">
            {order.contractUrl ? <SigningQr url={order.contractUrl} orderId={order.id} /> : <p className="text-sm text-muted-foreground">{t("noContractYet")}</p>}
            {order.wechatShareUrl && (
              <div className="space-y-2 text-center">
                <p className="text-sm font-medium">{t("wechatShare")}</p>
                {/* eslint-disable-next-line @next/next/no-img-element -- the vendor's image URL */}
                <img src={order.wechatShareUrl} alt={t("wechatShare")} className="mx-auto size-40 rounded-md border" data-testid="wechat-share" />
              </div>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("result")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderResult order={order} />
          </CardContent>
        </Card>
        <Card>
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
            <OrderRiskScore order={order} canScore={canScore} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("capitalList")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CapitalList recommendations={order.recommendations} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
              {details.map(([label, value]) => (
                <div key={label}>
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
