"use client";

import { Check, Eye, Link2, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** The actions column: 查看, 复制链接, and 重新发起 where the row's state allows it. */
export function RowActions({ href, retryHref }: { href: string; retryHref?: string | null }) {
  const t = useTranslations("dataTable.actions");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(new URL(href, window.location.origin).toString());
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  // Icon buttons with their words for screen readers and as a hover title: the column stays
  // narrow enough to be seen beside long names.
  const item = "inline-flex size-7 items-center justify-center rounded-sm text-primary hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
  return (
    <div className="flex items-center gap-0.5 whitespace-nowrap" data-no-row-link>
      <Link href={href} prefetch={false} className={item} title={t("view")} data-testid="row-view">
        <Eye className="size-4" aria-hidden />
        <span className="sr-only">{t("view")}</span>
      </Link>
      <button type="button" className={item} title={copied ? t("copied") : t("copyLink")} onClick={() => void copy()} data-testid="row-copy-link">
        {copied ? <Check className="size-4 text-success" aria-hidden /> : <Link2 className="size-4" aria-hidden />}
        <span className="sr-only" aria-live="polite">{copied ? t("copied") : t("copyLink")}</span>
      </button>
      {retryHref ? (
        <Link href={retryHref} prefetch={false} className={item} title={t("retry")} data-testid="row-retry">
          <RotateCcw className="size-4" aria-hidden />
          <span className="sr-only">{t("retry")}</span>
        </Link>
      ) : null}
    </div>
  );
}
