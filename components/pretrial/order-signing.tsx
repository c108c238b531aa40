"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrderJson } from "@/lib/pretrial/order-json";
import { SigningQr } from "./signing-qr";

/** While the signature is awaited: the QR for the customer, its tools, the mini-program code. */
export function OrderSigning({ order, canSign, className }: { order: OrderJson; canSign: boolean; className?: string }) {
  const t = useTranslations("pretrial");
  return (
    <Card className={className} data-testid="signing-card">
      <CardHeader>
        <CardTitle>{t("signTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        {!order.contractUrl ? (
          <p className="text-sm text-muted-foreground">{t("noContractYet")}</p>
        ) : canSign ? (
          <SigningQr url={order.contractUrl} orderId={order.id} />
        ) : (
          <p className="text-sm text-muted-foreground">{t("awaitingReadOnly")}</p>
        )}
        {canSign && order.wechatShareUrl && (
          <div className="space-y-2 text-center">
            <p className="text-sm font-medium">{t("wechatShare")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- the vendor's image URL */}
            <img src={order.wechatShareUrl} alt={t("wechatShare")} className="mx-auto size-40 rounded-md border" data-testid="wechat-share" />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
