"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { bulkAssignAction, escalateCaseAction, setCaseStatusAction, snoozeCaseAction, takeCaseAction } from "@/lib/risk-cases/actions";
import { RISK_CASE_CONCLUSIONS, type RiskCaseStatusValue } from "@/lib/risk-cases/list-params";
import { nextStatuses } from "@/lib/risk-cases/status";
import type { ActionServerError } from "@/lib/safe-action";
import { CaseStatusBadge } from "./badges";

export type WorkflowView = {
  id: string; version: number; status: RiskCaseStatusValue; assigneeId: string | null; assigneeName: string | null; conclusion: string | null;
  conclusionNote: string | null; snoozedUntil: string | null; escalatedAt: string | null; escalationReason: string | null;
  /** Display names of who escalated and the admin it went to (null for an escalation made before they were recorded). */
  escalatedBy: string | null; escalatedTo: string | null;
};

const errorMessage = (e: { serverError?: unknown }) => (e.serverError as ActionServerError | undefined)?.message ?? "";

/** Our work on one case: take / assign, move, close with a conclusion, snooze, escalate to a named admin. */
export function CaseWorkflow({ c, me, assignees, admins }: { c: WorkflowView; me: string; assignees: { id: string; displayName: string }[]; admins: { id: string; displayName: string }[] }) {
  const t = useTranslations("riskCases");
  const format = useFormatter();
  const [closing, setClosing] = useState(false);
  const [conclusion, setConclusion] = useState("");
  const [note, setNote] = useState("");
  const [snooze, setSnooze] = useState("");
  const [reason, setReason] = useState("");
  // One admin: no choice to make. Several: the analyst names one (it lands on their to-do).
  const [escalateTo, setEscalateTo] = useState(admins.length === 1 ? admins[0].id : "");
  const [assignee, setAssignee] = useState("");
  const opts = { onSuccess: () => toast.success(t("actions.saved")), onError: ({ error }: { error: { serverError?: unknown } }) => toast.error(errorMessage(error)) };
  const take = useAction(takeCaseAction, opts);
  const move = useAction(setCaseStatusAction, { ...opts, onSuccess: () => (toast.success(t("actions.saved")), setClosing(false)) });
  const snoozeAction = useAction(snoozeCaseAction, opts);
  const escalate = useAction(escalateCaseAction, opts);
  const assign = useAction(bulkAssignAction, opts);
  const closed = c.status === "CLOSED";
  const moves = nextStatuses(c.status).filter((s) => s !== "CLOSED");
  return (
    <div className="space-y-4 text-sm" data-testid="case-workflow">
      <div className="flex flex-wrap items-center gap-2">
        <CaseStatusBadge status={c.status} />
        <span className="text-muted-foreground">{t("assignee")}:</span>
        <span data-testid="case-assignee">{c.assigneeName ?? t("unassigned")}</span>
        {!closed && c.assigneeId !== me && (
          <Button size="sm" onClick={() => take.execute({ caseId: c.id, version: c.version })} disabled={take.isPending} data-testid="case-take">{t("actions.take")}</Button>
        )}
      </div>
      {c.escalatedAt && (
        // Shown open or closed: who raised it, to whom, when and why stays part of the case.
        <p className={closed ? "text-muted-foreground" : "text-destructive"} data-testid="case-escalation">
          {t("actions.escalated", {
            by: c.escalatedBy ?? "—",
            to: c.escalatedTo ?? "—",
            at: format.dateTime(new Date(c.escalatedAt), { dateStyle: "short", timeStyle: "short" }),
            reason: c.escalationReason ?? "",
          })}
        </p>
      )}
      {closed && c.conclusion && (
        <p data-testid="case-conclusion">
          {t("conclusion")}: {t(`conclusions.${c.conclusion as (typeof RISK_CASE_CONCLUSIONS)[number]}`)}
          {c.conclusionNote ? ` — ${c.conclusionNote}` : ""}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {moves.map((s) => (
          <Button key={s} size="sm" variant="outline" onClick={() => move.execute({ caseId: c.id, version: c.version, status: s })} disabled={move.isPending} data-testid={`case-move-${s}`}>
            {closed ? t("actions.reopen") : `${t("actions.moveTo")} ${t(`statuses.${s}`)}`}
          </Button>
        ))}
        {!closed && (
          <Button size="sm" variant="outline" onClick={() => setClosing((v) => !v)} data-testid="case-close-open">{t("actions.close")}</Button>
        )}
      </div>
      {closing && !closed && (
        <form
          className="space-y-2 rounded-md border p-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (conclusion) move.execute({ caseId: c.id, version: c.version, status: "CLOSED", conclusion: conclusion as (typeof RISK_CASE_CONCLUSIONS)[number], conclusionNote: note || undefined });
          }}
        >
          <NativeSelect aria-label={t("conclusion")} value={conclusion} onChange={(e) => setConclusion(e.target.value)} data-testid="case-conclusion-select">
            <option value="">{t("conclusion")}</option>
            {RISK_CASE_CONCLUSIONS.map((k) => (
              <option key={k} value={k}>{t(`conclusions.${k}`)}</option>
            ))}
          </NativeSelect>
          <Textarea aria-label={t("actions.conclusionNote")} placeholder={t("actions.conclusionNote")} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} data-testid="case-conclusion-note" />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={!conclusion || move.isPending} data-testid="case-close-confirm">{t("actions.confirm")}</Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setClosing(false)}>{t("actions.cancel")}</Button>
          </div>
        </form>
      )}
      {!closed && (
        <div className="grid gap-3">
          <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), assignee && assign.execute({ caseIds: [c.id], assigneeId: assignee === "none" ? null : assignee }))}>
            <NativeSelect size="sm" aria-label={t("actions.assign")} value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-40">
              <option value="">{t("bulk.assignTo")}</option>
              <option value="none">{t("bulk.unassign")}</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>{a.displayName}</option>
              ))}
            </NativeSelect>
            <Button type="submit" size="sm" variant="outline" disabled={!assignee || assign.isPending}>{t("actions.assign")}</Button>
          </form>
          <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), snoozeAction.execute({ caseId: c.id, version: c.version, until: snooze || null }))}>
            <Input type="date" aria-label={t("actions.snooze")} value={snooze} onChange={(e) => setSnooze(e.target.value)} className="h-8 w-40" data-testid="case-snooze-until" />
            <Button type="submit" size="sm" variant="outline" disabled={snoozeAction.isPending || (!snooze && !c.snoozedUntil)} data-testid="case-snooze">{snooze ? t("actions.snoozeSave") : t("actions.unsnooze")}</Button>
            {c.snoozedUntil && <span className="text-muted-foreground" data-testid="case-snoozed-until">{t("snoozed")}: {format.dateTime(new Date(c.snoozedUntil), { dateStyle: "medium" })}</span>}
          </form>
          {c.escalatedAt ? null : (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => (e.preventDefault(), reason.trim().length >= 2 && escalateTo && escalate.execute({ caseId: c.id, version: c.version, toId: escalateTo, reason: reason.trim() }))}
            >
              <NativeSelect size="sm" aria-label={t("actions.escalateTo")} value={escalateTo} onChange={(e) => setEscalateTo(e.target.value)} className="w-40" data-testid="case-escalate-to">
                <option value="">{t("actions.escalateTo")}</option>
                {admins.map((a) => (
                  <option key={a.id} value={a.id}>{a.displayName}</option>
                ))}
              </NativeSelect>
              <Input aria-label={t("actions.escalateReason")} placeholder={t("actions.escalateReason")} value={reason} onChange={(e) => setReason(e.target.value)} className="h-8 w-full sm:w-72" data-testid="case-escalate-reason" />
              <Button type="submit" size="sm" variant="outline" disabled={escalate.isPending || reason.trim().length < 2 || !escalateTo} data-testid="case-escalate">{t("actions.escalate")}</Button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
