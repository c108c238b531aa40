"use client";

import { Eye, EyeOff, RotateCw } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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

/**
 * The body panel: masked by default; "reveal" fetches the raw body through the audited reveal
 * action and shows it in place of the masked one until hidden again.
 */
export function BodyPanel({ eventId, title, masked }: { eventId: string; title: string; masked: string }) {
  const t = useTranslations("common");
  const { execute, result, isPending, reset } = useAction(revealPiiAction, { onError: ({ error }) => toast.error(errorMessage(error)) });
  const revealed = result.data?.value;
  return (
    <Card className="lg:col-span-2">
      <CardHeader className="flex flex-row items-center justify-between space-y-0">
        <CardTitle>{title}</CardTitle>
        {revealed ? (
          <Button variant="ghost" size="sm" onClick={() => reset()}>
            <EyeOff className="size-4" aria-hidden />
            {t("hide")}
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled={isPending} onClick={() => execute({ targetType: "inboundEvent", targetId: eventId, field: "body" })}>
            <Eye className="size-4" aria-hidden />
            {t("reveal")}
          </Button>
        )}
      </CardHeader>
      <CardContent>
        <pre
          className="max-h-96 overflow-auto rounded-md bg-muted/50 p-3 text-xs whitespace-pre-wrap break-all"
          data-testid={revealed ? "inbox-body-revealed" : "inbox-body-masked"}
        >
          {prettyJson(revealed ?? masked)}
        </pre>
      </CardContent>
    </Card>
  );
}
