"use client";

import { Eye, RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { rerunInboundEventAction } from "@/lib/inbox/actions";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import { prettyJson } from "@/lib/format/json";
import type { ActionServerError } from "@/lib/safe-action";

const errorMessage = (e: { serverError?: unknown }) => (e.serverError as ActionServerError | undefined)?.message ?? "";

export function RerunButton({ eventId, disabled }: { eventId: string; disabled?: boolean }) {
  const t = useTranslations("inbox");
  const ts = useTranslations("inbox.statuses");
  const { execute, isPending } = useAction(rerunInboundEventAction, {
    onSuccess: ({ data }) => data && toast.success(t("rerunQueued", { status: ts(data.status) })),
    onError: ({ error }) => toast.error(errorMessage(error)),
  });
  return (
    <Button variant="outline" size="sm" disabled={disabled || isPending} onClick={() => execute({ eventId })} data-testid="inbox-rerun">
      <RotateCw className="size-4" aria-hidden />
      {t("rerun")}
    </Button>
  );
}

/** Shows the raw body once revealed (the reveal is audited server-side). */
export function RevealBody({ eventId }: { eventId: string }) {
  const t = useTranslations("common");
  const { execute, result, isPending, reset } = useAction(revealPiiAction, { onError: ({ error }) => toast.error(errorMessage(error)) });
  if (result.data) {
    return (
      <div className="space-y-2">
        <pre className="max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 text-xs whitespace-pre-wrap break-all">{prettyJson(result.data.value)}</pre>
        <Button variant="ghost" size="sm" onClick={() => reset()}>
          {t("hide")}
        </Button>
      </div>
    );
  }
  return (
    <Button variant="outline" size="sm" disabled={isPending} onClick={() => execute({ targetType: "inboundEvent", targetId: eventId, field: "body" })}>
      <Eye className="size-4" aria-hidden />
      {t("reveal")}
    </Button>
  );
}
