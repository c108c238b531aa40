"use client";

import { ChevronLeft, ChevronRight, FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type PdfDoc = { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };
type PdfPage = {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvas: HTMLCanvasElement; canvasContext: CanvasRenderingContext2D; viewport: unknown }): { promise: Promise<void>; cancel(): void };
};

/**
 * The original PDF beside the structured report. pdf.js is imported only when the pane is
 * opened (it is large: the page's first load stays small), runs its worker from our own origin
 * (public/pdfjs/<version>, copied by scripts/copy-pdfjs-assets.ts) and reads CMaps and standard
 * fonts from there too — no CDN. Browser only: the server never loads pdf.js.
 */
export function ReportWithPdf({ reportId, children }: { reportId: string; children: ReactNode }) {
  const t = useTranslations("creditReports.pdf");
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      {!open && (
        <Button variant="outline" onClick={() => setOpen(true)} data-testid="show-pdf">
          <FileText className="size-4" aria-hidden />
          {t("show")}
        </Button>
      )}
      <div className={open ? "grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,42%)]" : ""}>
        {open && (
          <aside className="xl:sticky xl:top-4 xl:order-2 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-auto">
            <PdfPane reportId={reportId} onClose={() => setOpen(false)} />
          </aside>
        )}
        <div className="min-w-0 xl:order-1">{children}</div>
      </div>
    </div>
  );
}

function PdfPane({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const t = useTranslations("creditReports.pdf");
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (doc) return;
    let cancelled = false;
    (async () => {
      try {
        const pdfjs = await import("pdfjs-dist");
        const base = `/pdfjs/${pdfjs.version}`;
        pdfjs.GlobalWorkerOptions.workerSrc = `${base}/pdf.worker.min.mjs`;
        const loaded = await pdfjs.getDocument({
          url: `/api/credit-reports/${reportId}/file`,
          cMapUrl: `${base}/cmaps/`,
          cMapPacked: true,
          standardFontDataUrl: `${base}/standard_fonts/`,
          wasmUrl: `${base}/wasm/`,
          withCredentials: true,
        }).promise;
        if (cancelled) await loaded.destroy();
        else setDoc(loaded as unknown as PdfDoc);
      } catch {
        if (!cancelled) setError(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [doc, reportId]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { promise: Promise<void>; cancel(): void } | null = null;
    let stop = false;
    (async () => {
      const p = await doc.getPage(page);
      if (stop || !canvas.current) return;
      const width = canvas.current.parentElement?.clientWidth ?? 600;
      const base = p.getViewport({ scale: 1 });
      const scale = Math.min(2, width / base.width) * (window.devicePixelRatio || 1);
      const viewport = p.getViewport({ scale });
      const el = canvas.current;
      el.width = viewport.width;
      el.height = viewport.height;
      el.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`;
      const ctx = el.getContext("2d");
      if (!ctx) return;
      task = p.render({ canvas: el, canvasContext: ctx, viewport });
      await task.promise.catch(() => undefined);
    })();
    return () => {
      stop = true;
      task?.cancel();
    };
  }, [doc, page]);

  useEffect(() => () => void doc?.destroy(), [doc]);

  return (
    <div className="space-y-2" data-testid="pdf-pane">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">{t("title")}</span>
        {doc && (
          <>
            <Button size="icon" variant="ghost" aria-label={t("prev")} disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              <ChevronLeft className="size-4" />
            </Button>
            <span className="text-xs tabular-nums" data-testid="pdf-page">{t("page", { page, pages: doc.numPages })}</span>
            <Button size="icon" variant="ghost" aria-label={t("next")} disabled={page >= doc.numPages} onClick={() => setPage((p) => p + 1)}>
              <ChevronRight className="size-4" />
            </Button>
          </>
        )}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={onClose}>{t("hide")}</Button>
      </div>
      {error ? <p className="text-sm text-destructive">{t("error")}</p> : !doc && <p className="text-sm text-muted-foreground">{t("loading")}</p>}
      <div className="overflow-auto rounded-md border bg-muted/30">
        <canvas ref={canvas} data-testid="pdf-canvas" className={doc ? "block" : "hidden"} />
      </div>
    </div>
  );
}
