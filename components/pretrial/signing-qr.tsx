"use client";

import { Copy, ExternalLink, Printer } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

/** Renders a URL as an SVG QR code (error correction M: survives a glare on a screen). */
export function QrSvg({ value, size = 288, testId }: { value: string; size?: number; testId?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // The encoder is imported here, when the code is drawn, so it is not part of the page's first-load JS.
    void import("qrcode")
      .then((QRCode) => QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 2 }))
      .then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div
      role="img"
      aria-label={value}
      data-testid={testId}
      data-qr-value={value}
      // Shrinks with a narrow screen but never below 240 px, so a phone camera still reads it.
      style={{ width: size, maxWidth: "100%", minWidth: Math.min(size, 240) }}
      className="aspect-square rounded-md bg-white p-2 [&_svg]:size-full"
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}

export function SigningQr({ url, orderId }: { url: string; orderId: string }) {
  const t = useTranslations("pretrial");
  return (
    <div className="flex flex-col items-center gap-4">
      <QrSvg value={url} testId="signing-qr" />
      <p className="max-w-xs text-center text-sm text-muted-foreground">{t("signHelp")}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button
          variant="outline"
          size="sm"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            toast.success(t("linkCopied"));
          }}
        >
          <Copy className="size-4" aria-hidden />
          {t("copyLink")}
        </Button>
        <Button variant="outline" size="sm" asChild>
          <Link href={`/pretrial/${orderId}/print`} target="_blank">
            <Printer className="size-4" aria-hidden />
            {t("print")}
          </Link>
        </Button>
        <Button variant="ghost" size="sm" asChild>
          <a href={url} target="_blank" rel="noreferrer">
            <ExternalLink className="size-4" aria-hidden />
            {t("openLink")}
          </a>
        </Button>
      </div>
    </div>
  );
}
