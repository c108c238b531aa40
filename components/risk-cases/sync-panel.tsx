"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { startSyncAction } from "@/lib/risk-cases/actions";
import type { ActionServerError } from "@/lib/safe-action";

type Run = {
  id: string; status: "RUNNING" | "SUCCEEDED" | "FAILED"; pagesDone: number; pagesTotal: number | null; nextPage: number; rowsSeen: number;
  created: number; changed: number; flagged: number; rejected: number; lastError: string | null; windowStart: string | null; windowEnd: string | null; finishedAt: string | null;
};
export type SyncStatusView = { run: Run | null; flaggedCases: number; rejectedRecords: number };

/**
 * The manual sync and its progress bar (pages done / total). It polls the status route while a
 * run is going, or right after asking for one (the worker picks the job up within seconds),
 * and refreshes the list when the run ends.
 */
export function SyncPanel({ initial, canSeeErrors }: { initial: SyncStatusView; canSeeErrors: boolean }) {
  const t = useTranslations("riskCases.sync");
  const format = useFormatter();
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  // Asked for a run: the id of the run before it, and when; cleared once a newer run has ended.
  const [requested, setRequested] = useState<{ before: string | null; at: number } | null>(null);
  const running = status.run?.status === "RUNNING" || requested !== null;

  const current = useRef({ status, requested });
  useEffect(() => {
    current.current = { status, requested };
  }, [status, requested]);

  const poll = useCallback(async () => {
    const res = await fetch("/api/risk-cases/sync", { cache: "no-store" });
    if (!res.ok) return;
    const next = (await res.json()) as SyncStatusView;
    const { status: prev, requested: r } = current.current;
    const ended = prev.run?.status === "RUNNING" && next.run?.id === prev.run.id && next.run.status !== "RUNNING";
    const newerEnded = Boolean(r && next.run && next.run.id !== r.before && next.run.status !== "RUNNING");
    setStatus(next);
    // No run appeared within a minute (another one was going): stop waiting.
    if (r && (newerEnded || Date.now() - r.at > 60_000)) setRequested(null);
    if (ended || newerEnded) router.refresh();
  }, [router]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), 1500);
    return () => clearInterval(timer);
  }, [running, poll]);

  const start = useAction(startSyncAction, {
    onSuccess: () => {
      toast.success(t("queued"));
      setRequested({ before: status.run?.id ?? null, at: Date.now() });
    },
    onError: ({ error }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? ""),
  });

  const run = status.run;
  const total = run?.pagesTotal ?? 0;
  const percent = run && total > 0 ? Math.min(100, Math.round((run.pagesDone / total) * 100)) : 0;
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" }) : "—");
  return (
    <section className="space-y-2 rounded-md border p-3 text-sm" aria-label={t("title")} data-testid="sync-panel">
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" onClick={() => start.execute({})} disabled={running || start.isPending} data-testid="sync-start">
          <RefreshCw className={running ? "size-4 animate-spin" : "size-4"} aria-hidden />
          {running ? t("running") : t("start")}
        </Button>
        <span data-testid="sync-state" data-status={run?.status ?? "NONE"}>
          {!run ? t("never") : run.status === "RUNNING" ? t("running") : run.status === "SUCCEEDED" ? `${t("succeeded")} · ${when(run.finishedAt)}` : `${t("failed")} · ${when(run.finishedAt)}`}
        </span>
        {status.flaggedCases > 0 && <span className="text-warning">{t("flaggedTotal", { count: status.flaggedCases })}</span>}
      </div>
      {run && (
        <>
          <div className="flex items-center gap-2">
            <div className="h-2 w-full max-w-md overflow-hidden rounded bg-muted" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={run.pagesDone} aria-label={t("title")}>
              <div className={run.status === "FAILED" ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${run.status === "SUCCEEDED" ? 100 : percent}%` }} />
            </div>
            <span className="whitespace-nowrap text-muted-foreground" data-testid="sync-progress">{t("progress", { done: run.pagesDone, total: run.pagesTotal ?? "?" })}</span>
          </div>
          <p className="text-muted-foreground">
            {t("window", { from: when(run.windowStart), to: when(run.windowEnd) })} · {t("counts", { rows: run.rowsSeen, created: run.created, changed: run.changed, flagged: run.flagged, rejected: run.rejected })}
          </p>
          {run.status === "FAILED" && (
            <p className="text-destructive">
              {t("failedAt", { page: run.nextPage })}
              {canSeeErrors && run.lastError ? ` ${t("error", { error: run.lastError })}` : ""}
            </p>
          )}
        </>
      )}
    </section>
  );
}
