"use client";

import { Eye, EyeOff } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import type { ActionServerError } from "@/lib/safe-action";

/**
 * A masked personal value of a case (design.md §5) with 查看: the user says why, the reveal is
 * audited with that reason, and the clear value lives only in this component's state.
 */
export function RevealWithReason({ masked, caseId, field, testId }: { masked: string | null; caseId: string; field: string; testId: string }) {
  const t = useTranslations("riskCases.reveal");
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const { execute, result, isPending, reset } = useAction(revealPiiAction, {
    onSuccess: () => setAsking(false),
    onError: ({ error }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? ""),
  });
  const revealed = result.data?.value;
  if (!masked) return <span>—</span>;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1">
      <span data-testid={testId} data-revealed={revealed ? "true" : undefined} className="font-mono text-xs">{revealed ?? masked}</span>
      {revealed ? (
        <Button type="button" variant="ghost" size="sm" className="h-6 px-1.5 text-xs" onClick={() => (reset(), setReason(""))}>
          <EyeOff className="size-3" aria-hidden />
          {t("hide")}
        </Button>
      ) : asking ? (
        <form
          className="flex w-full min-w-0 items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ targetType: "riskCase", targetId: caseId, field, reason });
          }}
        >
          <Input aria-label={t("reason")} placeholder={t("reasonPlaceholder")} value={reason} onChange={(e) => setReason(e.target.value)} className="h-7 w-full min-w-0 max-w-48 text-xs" data-testid={`${testId}-reason`} autoFocus />
          <Button type="submit" size="sm" className="h-7 px-2 text-xs" disabled={isPending || reason.trim().length < 2} data-testid={`${testId}-confirm`}>{t("show")}</Button>
        </form>
      ) : (
        <Button type="button" variant="ghost" size="sm" className="h-6 px-1.5 text-xs text-muted-foreground" onClick={() => setAsking(true)} data-testid={`${testId}-reveal`}>
          <Eye className="size-3" aria-hidden />
          {t("show")}
        </Button>
      )}
    </span>
  );
}
