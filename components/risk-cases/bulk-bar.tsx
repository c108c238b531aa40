"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { bulkAssignAction, bulkCloseAction } from "@/lib/risk-cases/actions";
import { RISK_CASE_CONCLUSIONS } from "@/lib/risk-cases/list-params";
import type { ActionServerError } from "@/lib/safe-action";

const errorMessage = (e: { serverError?: unknown }) => (e.serverError as ActionServerError | undefined)?.message ?? "";

/**
 * Bulk assign and close for the rows ticked on the current page — never "everything the filter
 * matches": a selection is what the analyst has looked at. The bar says so; changing page clears it.
 */
export function BulkBar({ selected, assignees, allOnPage, onSelectAll, onDone }: {
  selected: string[];
  assignees: { id: string; displayName: string }[];
  allOnPage: boolean;
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}) {
  const t = useTranslations("riskCases");
  const [assignee, setAssignee] = useState("");
  const [conclusion, setConclusion] = useState("");
  const done = ({ data }: { data?: { changed: number; skipped: number } }) => {
    if (data) toast.success(t("bulk.done", data));
    onDone();
  };
  const assign = useAction(bulkAssignAction, { onSuccess: done, onError: ({ error }) => toast.error(errorMessage(error)) });
  const close = useAction(bulkCloseAction, { onSuccess: done, onError: ({ error }) => toast.error(errorMessage(error)) });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="bulk-bar">
      <label className="inline-flex items-center gap-2">
        <Checkbox checked={allOnPage} onCheckedChange={(v) => onSelectAll(v === true)} aria-label={t("bulk.selectAll")} data-testid="select-all" />
        <span className="text-muted-foreground">{selected.length > 0 ? t("bulk.selected", { count: selected.length }) : t("bulk.selectAll")}</span>
      </label>
      {selected.length > 0 && (
        <>
          <span className="w-full text-xs text-muted-foreground sm:order-last" data-testid="bulk-scope">{t("bulk.scope")}</span>
          <NativeSelect size="sm" aria-label={t("bulk.assignTo")} value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-40" data-testid="bulk-assignee">
            <option value="">{t("bulk.assignTo")}</option>
            <option value="none">{t("bulk.unassign")}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>{a.displayName}</option>
            ))}
          </NativeSelect>
          <Button size="sm" variant="outline" disabled={!assignee || assign.isPending} onClick={() => assign.execute({ caseIds: selected, assigneeId: assignee === "none" ? null : assignee })} data-testid="bulk-assign">
            {t("bulk.assign")}
          </Button>
          <NativeSelect size="sm" aria-label={t("conclusion")} value={conclusion} onChange={(e) => setConclusion(e.target.value)} className="w-36" data-testid="bulk-conclusion">
            <option value="">{t("conclusion")}</option>
            {RISK_CASE_CONCLUSIONS.map((c) => (
              <option key={c} value={c}>{t(`conclusions.${c}`)}</option>
            ))}
          </NativeSelect>
          <Button size="sm" variant="outline" disabled={!conclusion || close.isPending} onClick={() => close.execute({ caseIds: selected, conclusion: conclusion as (typeof RISK_CASE_CONCLUSIONS)[number] })} data-testid="bulk-close">
            {t("bulk.close")}
          </Button>
        </>
      )}
    </div>
  );
}
