"use client";

import { Eye, Link2, RotateCcw } from "lucide-react";
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
  const item = "inline-flex items-center gap-1 rounded-sm px-1.5 py-1 text-xs text-primary hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";
  return (
    <div className="flex items-center gap-0.5 whitespace-nowrap" data-no-row-link>
      <Link href={href} prefetch={false} className={item}>
        <Eye className="size-3.5" aria-hidden />
        {t("view")}
      </Link>
      <button type="button" className={item} onClick={() => void copy()}>
        <Link2 className="size-3.5" aria-hidden />
        <span aria-live="polite">{copied ? t("copied") : t("copyLink")}</span>
      </button>
      {retryHref ? (
        <Link href={retryHref} prefetch={false} className={item}>
          <RotateCcw className="size-3.5" aria-hidden />
          {t("retry")}
        </Link>
      ) : null}
    </div>
  );
}
