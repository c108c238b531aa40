"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

export type HandOver = { requestNo: string; href: string; link: { url: string; expiresAt: string; qrSvg: string } };

/**
 * A customer's step at 联银通, ready: finance opens the page here (customer present), or hands
 * the customer the signed link — copied, or scanned from the QR code on their phone — which
 * expires at the time shown.
 */
export function GatewayHandOver({ handOver }: { handOver: HandOver }) {
  const t = useTranslations("custody.ops");
  const format = useFormatter();
  const qr = `data:image/svg+xml;utf8,${encodeURIComponent(handOver.link.qrSvg)}`;
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-md bg-muted/50 p-3 sm:flex-row" data-testid="op-hand-over">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server, nothing to optimise */}
      <img src={qr} alt={t("qrAlt")} width={160} height={160} className="size-40 shrink-0 rounded bg-white" data-testid="op-qr" />
      <div className="min-w-0 flex-1 space-y-2 text-sm">
        <p className="font-mono text-xs text-muted-foreground">{handOver.requestNo}</p>
        <a className="text-primary underline" href={handOver.href} target="_blank" rel="noreferrer" data-testid="op-open-gateway">
          {t("open")}
        </a>
        <label className="block space-y-1">
          <span className="text-muted-foreground">{t("customerLink")}</span>
          <Input readOnly value={handOver.link.url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" data-testid="op-customer-link" />
        </label>
        <p className="text-xs text-muted-foreground">{t("linkExpires", { at: format.dateTime(new Date(handOver.link.expiresAt), { dateStyle: "short", timeStyle: "short" }) })}</p>
      </div>
    </div>
  );
}
