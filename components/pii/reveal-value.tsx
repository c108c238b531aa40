"use client";

import { Eye, EyeOff } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import type { ActionServerError } from "@/lib/safe-action";

const errorMessage = (e: { serverError?: unknown }) => (e.serverError as ActionServerError | undefined)?.message ?? "";

/**
 * A masked value with a 显示 button for a role allowed to reveal it (lib/pii/revealers.ts). The
 * clear value comes from the audited reveal action, is held only in this component's state and
 * is gone again on 隐藏 or when the page is left.
 */
export function RevealValue({ masked, target, testId }: { masked: string | null; target: { targetType: string; targetId: string; field: string }; testId?: string }) {
  const t = useTranslations("common");
  const { execute, result, isPending, reset } = useAction(revealPiiAction, { onError: ({ error }) => toast.error(errorMessage(error)) });
  const revealed = result.data?.value;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span data-testid={testId} data-revealed={revealed ? "true" : undefined}>
        {revealed ?? masked ?? "—"}
      </span>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        className="h-6 px-1.5 text-xs text-muted-foreground"
        disabled={isPending}
        onClick={() => (revealed ? reset() : execute(target))}
        data-testid={testId ? `${testId}-reveal` : undefined}
      >
        {revealed ? <EyeOff className="size-3" aria-hidden /> : <Eye className="size-3" aria-hidden />}
        {revealed ? t("hide") : t("reveal")}
      </Button>
    </span>
  );
}
