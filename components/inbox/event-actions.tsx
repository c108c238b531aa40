"use client";

import { Download, Eye, EyeOff, RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { rerunInboundEventAction } from "@/lib/inbox/actions";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import { prettyJson } from "@/lib/format/json";
import type { ActionServerError } from "@/lib/safe-action";

const errorMessage = (e: { serverError?: unknown }) => (e.serverError as ActionServerError | undefined)?.message ?? "";

/** Re-runs the event's handler. An event already processed asks first: it changes nothing unless data was fixed. */
export function RerunButton({ eventId, disabled, processed }: { eventId: string; disabled?: boolean; processed?: boolean }) {
  const t = useTranslations("inbox");
  const tc = useTranslations("common");
  const ts = useTranslations("inbox.statuses");
  const [confirming, setConfirming] = useState(false);
  const { execute, isPending } = useAction(rerunInboundEventAction, {
    onSuccess: ({ data }) => { setConfirming(false); if (data) toast.success(t("rerunQueued", { status: ts(data.status) })); },
    onError: ({ error }) => toast.error(errorMessage(error)),
  });
  return (
    <>
      <Button variant="outline" size="sm" disabled={disabled || isPending} onClick={() => (processed ? setConfirming(true) : execute({ eventId }))} data-testid="inbox-rerun">
        <RotateCw className="size-4" aria-hidden />
        {t("rerun")}
      </Button>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent data-testid="inbox-rerun-confirm">
          <DialogHeader>
            <DialogTitle>{t("rerunConfirmTitle")}</DialogTitle>
            <DialogDescription>{t("rerunConfirmBody")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{tc("cancel")}</Button>
            </DialogClose>
            <Button onClick={() => execute({ eventId })} disabled={isPending} data-testid="inbox-rerun-confirmed">
              {t("rerun")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** Bodies above this are not revealed in the page: download the masked copy instead. */
const REVEAL_LIMIT_BYTES = 1024 * 1024;

type Preview = { text: string; totalBytes: number; truncated: boolean };

/**
 * The body panel: the masked body, at most the preview the server read (64 KB), with the whole
 * masked body as a download. "Reveal" asks why, then fetches the raw body through the audited
 * reveal action (the reason goes into the audit row) and shows it until hidden again.
 */
export function BodyPanel({ eventId, title, preview }: { eventId: string; title: string; preview: Preview }) {
  const t = useTranslations("common");
  const ti = useTranslations("inbox");
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const { execute, result, isPending, reset } = useAction(revealPiiAction, {
    onSuccess: () => setAsking(false),
    onError: ({ error }) => toast.error(errorMessage(error)),
  });
  const revealed = result.data?.value;
  const tooBig = preview.totalBytes > REVEAL_LIMIT_BYTES;
  const reasonError = touched && reason.trim().length < 2 ? ti("revealReasonRequired") : undefined;
  const kb = (bytes: number) => Math.ceil(bytes / 1024).toLocaleString();
  return (
    <Card className="min-w-0 lg:col-span-2">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
        <CardTitle>{title}</CardTitle>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/inbox/${eventId}/body`} download data-testid="inbox-body-download">
              <Download className="size-4" aria-hidden />
              {ti("download", { size: kb(preview.totalBytes) })}
            </a>
          </Button>
          {revealed ? (
            <Button variant="ghost" size="sm" onClick={() => reset()}>
              <EyeOff className="size-4" aria-hidden />
              {t("hide")}
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled={isPending || tooBig} title={tooBig ? ti("revealTooBig") : undefined} onClick={() => setAsking(true)} data-testid="inbox-reveal">
              <Eye className="size-4" aria-hidden />
              {t("reveal")}
            </Button>
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-2">
        {preview.truncated && !revealed && (
          <p className="text-sm text-muted-foreground" data-testid="inbox-body-truncated">
            {ti("truncated", { shown: kb(new TextEncoder().encode(preview.text).length), total: kb(preview.totalBytes) })}
          </p>
        )}
        <pre
          className="max-h-96 overflow-auto rounded-md bg-muted/50 p-3 text-xs whitespace-pre-wrap break-all"
          data-testid={revealed ? "inbox-body-revealed" : "inbox-body-masked"}
        >
          {revealed ? prettyJson(revealed) : preview.truncated ? preview.text : prettyJson(preview.text)}
        </pre>
      </CardContent>
      <Dialog open={asking} onOpenChange={(o) => { setAsking(o); if (!o) { setReason(""); setTouched(false); } }}>
        <DialogContent data-testid="inbox-reveal-dialog">
          <DialogHeader>
            <DialogTitle>{ti("revealTitle")}</DialogTitle>
            <DialogDescription>{ti("revealBody")}</DialogDescription>
          </DialogHeader>
          <form
            className="grid gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTouched(true);
              if (reason.trim().length < 2) {
                (e.currentTarget.elements.namedItem("reason") as HTMLTextAreaElement | null)?.focus();
                return;
              }
              execute({ targetType: "inboundEvent", targetId: eventId, field: "body", reason: reason.trim() });
            }}
          >
            <FormField label={ti("revealReason")} name="reason" error={reasonError} required>
              <Textarea name="reason" value={reason} maxLength={200} rows={3} placeholder={ti("revealReasonPlaceholder")} onChange={(e) => setReason(e.target.value)} onBlur={() => setTouched(true)} />
            </FormField>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">{t("cancel")}</Button>
              </DialogClose>
              <Button type="submit" disabled={isPending} data-testid="inbox-reveal-confirm">
                {t("reveal")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
