"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { addCaseNoteAction } from "@/lib/risk-cases/actions";
import type { ActionServerError } from "@/lib/safe-action";

export function NoteForm({ caseId }: { caseId: string }) {
  const t = useTranslations("riskCases.detail");
  const [body, setBody] = useState("");
  const { execute, isPending } = useAction(addCaseNoteAction, {
    onSuccess: () => setBody(""),
    onError: ({ error }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? ""),
  });
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) execute({ caseId, body: body.trim() });
      }}
    >
      <Textarea aria-label={t("addNote")} placeholder={t("notePlaceholder")} value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} rows={3} data-testid="note-body" />
      <Button type="submit" size="sm" disabled={isPending || !body.trim()} data-testid="note-submit">{t("addNote")}</Button>
    </form>
  );
}
