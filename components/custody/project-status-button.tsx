"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { proposeProjectStatusAction } from "@/lib/custody/actions";
import type { ActionServerError } from "@/lib/safe-action";

/** Proposes MODIFY_PROJECT to the next state; a second finance user approves it on the custody page. */
export function ProjectStatusButton({ projectNo, status }: { projectNo: string; status: "COLLECTING" | "REPAYING" | "FINISH" | "MISCARRY" }) {
  const t = useTranslations("custody");
  const { execute, result, isPending } = useAction(proposeProjectStatusAction);
  const error = (result.serverError as ActionServerError | undefined)?.message;
  return (
    <div className="space-y-1">
      <Button size="sm" variant="outline" disabled={isPending || Boolean(result.data)} onClick={() => execute({ projectNo, status })} data-testid={`propose-${status}`}>
        {t("project.moveTo", { status: t(`projectStatuses.${status}`) })}
      </Button>
      <div aria-live="polite" className="text-xs">
        {result.data && <span className="text-muted-foreground">{t("project.proposed")}</span>}
        {error && <span className="text-destructive">{error}</span>}
      </div>
    </div>
  );
}
