"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OrderJson } from "@/lib/pretrial/order-json";

type Report = {
  format?: string;
  flags?: Record<"dishonesty" | "exposurePlatform" | "court" | "closeCase", boolean | null>;
  prequalificationResult?: string;
  desc?: string;
  cardFinalLevel?: string;
  pricingProduct?: string;
  pricingProductDesc?: string;
};

const FLAGS = ["dishonesty", "exposurePlatform", "court", "closeCase"] as const;

/** Level, pass/fail, the report's flags as badges, pricing product and the error reason. */
export function OrderResult({ order }: { order: OrderJson }) {
  const t = useTranslations("pretrial");
  if (order.pretrialStatus === null) {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-muted-foreground">{t("noResult")}</p>
        {order.errReason && <p className="text-destructive" data-testid="err-reason">{t("errReason")}: {order.errReason}</p>}
      </div>
    );
  }
  const report = (order.personReport ?? {}) as Report;
  const rows: [string, string | undefined][] = [
    [t("prequalification"), report.prequalificationResult],
    [t("desc"), report.desc],
    [t("cardFinalLevel"), report.cardFinalLevel],
    [t("pricingProduct"), report.pricingProductDesc ?? report.pricingProduct],
  ];
  return (
    <div className="space-y-4" data-testid="order-result">
      <div className="flex items-center gap-4">
        <div className="flex size-16 items-center justify-center rounded-lg border text-3xl font-bold" data-testid="customer-level" aria-label={t("level")}>
          {order.customerLevel ?? "—"}
        </div>
        <Badge variant={order.pretrialStatus === 1 ? "success" : "destructive"} className="text-sm">
          {order.pretrialStatus === 1 ? t("passed") : t("failed")}
        </Badge>
      </div>
      <div className="flex flex-wrap gap-2" aria-label={t("report")}>
        {FLAGS.map((flag) => {
          const value = report.flags?.[flag] ?? null;
          return (
            <Badge key={flag} variant={value === true ? "destructive" : value === false ? "outline" : "secondary"} data-flag={flag} data-value={String(value)}>
              {t("flagLabel", { flag: t(`flags.${flag}`), value: value === true ? t("flagYes") : value === false ? t("flagNo") : t("flagUnknown") })}
            </Badge>
          );
        })}
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.filter(([, v]) => v).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {order.errReason && (
          <div className="contents">
            <dt className="text-muted-foreground">{t("errReason")}</dt>
            <dd className="text-destructive">{order.errReason}</dd>
          </div>
        )}
      </dl>
      {order.personReportRaw && (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted-foreground">{t("reportRaw")}</summary>
          <pre className="mt-2 rounded-md bg-muted/50 p-2 whitespace-pre-wrap break-all">{order.personReportRaw}</pre>
        </details>
      )}
    </div>
  );
}
