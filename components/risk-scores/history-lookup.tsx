"use client";

import { History } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { lookupHistoryScoreAction } from "@/lib/risk-scores/actions";
import type { ActionServerError } from "@/lib/safe-action";
import { formatScore } from "@/lib/risk-scores/outcome";

/**
 * Asks the vendor again (getHistoryScores, read-only there) and shows the answer beside the
 * stored one; the stored request is not changed by this.
 */
export function HistoryLookup({ requestId, storedScore }: { requestId: string; storedScore: number | null }) {
  const t = useTranslations("riskScores.history");
  const { execute, result, isPending } = useAction(lookupHistoryScoreAction);
  const data = result.data;
  const error = (result.serverError as ActionServerError | undefined)?.message;
  return (
    <div className="space-y-2">
      <Button variant="outline" size="sm" onClick={() => execute({ requestId })} disabled={isPending} data-testid="history-lookup">
        <History className="size-4" aria-hidden />
        {isPending ? t("looking") : t("button")}
      </Button>
      <div aria-live="polite" className="text-sm" data-testid="history-answer">
        {data?.kind === "score" && (
          <p>
            {t("score", { score: formatScore(data.score), raw: data.raw })}
            {storedScore !== null && <span className="text-muted-foreground"> {storedScore === data.score ? t("same") : t("differs")}</span>}
          </p>
        )}
        {data?.kind === "model-error" && <p className="text-warning">{t("modelError", { raw: data.raw })}</p>}
        {error && <p className="text-destructive">{error}</p>}
      </div>
    </div>
  );
}
