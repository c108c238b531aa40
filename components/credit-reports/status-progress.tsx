"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Spinner } from "@/components/ui/spinner";

type Status = { status: "UPLOADED" | "RECOGNISING" | "DONE" | "FAILED"; failureCode: string | null; failureRetrying: boolean; attempts: number };
const STEPS = ["UPLOADED", "RECOGNISING", "DONE"] as const;

/**
 * uploaded → recognising → done / failed, polled every 1.5 s while the worker runs; when it
 * finishes the page is refreshed so the server renders the report (or the translated reason).
 */
export function StatusProgress({ reportId, initial }: { reportId: string; initial: Status }) {
  const t = useTranslations("creditReports");
  const router = useRouter();
  const [s, setS] = useState(initial);

  useEffect(() => {
    if (s.status === "DONE" || s.status === "FAILED") return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/credit-reports/${reportId}/status`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return;
      const next = (await res.json()) as Status;
      setS(next);
      if (next.status === "DONE" || next.status === "FAILED") router.refresh();
    }, 1500);
    return () => clearInterval(timer);
  }, [s.status, reportId, router]);

  const reached = s.status === "FAILED" ? 1 : STEPS.indexOf(s.status);
  const reason = s.failureCode ? (t.has(`failure.${s.failureCode}`) ? t(`failure.${s.failureCode}`) : t("failure.other", { code: s.failureCode })) : "";
  return (
    <div className="space-y-3 rounded-lg border p-4" data-testid="recognition-progress" data-status={s.status}>
      <div className="text-sm font-semibold">{t("progress.title")}</div>
      <ol className="flex flex-wrap items-center gap-2 text-sm">
        {STEPS.map((step, i) => (
          <li key={step} className={i <= reached ? "font-medium text-foreground" : "text-muted-foreground"} data-step={step} data-reached={i <= reached}>
            {i > 0 && <span className="mr-2 text-muted-foreground">→</span>}
            {t(`status.${step}`)}
          </li>
        ))}
        {s.status === "FAILED" && <li className="font-medium text-destructive">→ {t("status.FAILED")}</li>}
      </ol>
      <p className="flex items-center gap-2 text-sm" role="status">
        {(s.status === "UPLOADED" || s.status === "RECOGNISING") && <Spinner className="size-4" />}
        {t(`progress.${s.status}`)}
      </p>
      {s.status === "FAILED" && <p className="text-sm text-destructive" data-testid="failure-reason">{reason}</p>}
      {s.status !== "FAILED" && s.failureRetrying && <p className="text-sm text-warning">{t("progress.retrying", { reason, attempts: s.attempts + 1 })}</p>}
    </div>
  );
}
