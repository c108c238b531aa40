"use client";

import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { deleteFilterAction, saveFilterAction } from "@/lib/risk-cases/actions";
import type { ActionServerError } from "@/lib/safe-action";

type Saved = { id: string; name: string; query: string };

function message(error: { serverError?: unknown; validationErrors?: unknown }, tv: { has(k: string): boolean; (k: string): string }) {
  const server = error.serverError as ActionServerError | undefined;
  const key = server?.fieldErrors ? Object.values(server.fieldErrors)[0]?.[0] : undefined;
  return key && tv.has(key) ? tv(key) : (server?.message ?? "");
}

/** The user's saved filters as links, and "save the current filter" under a name. */
export function SavedFilters({ saved }: { saved: Saved[] }) {
  const t = useTranslations("riskCases");
  const tv = useTranslations("validation");
  const params = useSearchParams();
  const [name, setName] = useState("");
  const save = useAction(saveFilterAction, { onSuccess: () => (toast.success(t("filterSaved")), setName("")), onError: ({ error }) => toast.error(message(error, tv)) });
  const remove = useAction(deleteFilterAction, { onSuccess: () => toast.success(t("filterDeleted")), onError: ({ error }) => toast.error(message(error, tv)) });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="saved-filters">
      <span className="text-muted-foreground">{t("savedFilters")}:</span>
      {saved.length === 0 && <span className="text-muted-foreground">{t("noSavedFilters")}</span>}
      {saved.map((s) => (
        <span key={s.id} className="inline-flex items-center rounded-md border">
          <Link href={`/risk-cases?${s.query}`} className="px-2 py-0.5 hover:underline">{s.name}</Link>
          <button type="button" className="px-1 text-muted-foreground hover:text-destructive" aria-label={`${t("delete")} ${s.name}`} onClick={() => remove.execute({ id: s.id })}>
            <Trash2 className="size-3" aria-hidden />
          </button>
        </span>
      ))}
      <form
        className="inline-flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.execute({ name: name.trim(), query: params.toString() });
        }}
      >
        <Input aria-label={t("filterName")} placeholder={t("filterName")} value={name} onChange={(e) => setName(e.target.value)} className="h-8 w-32" />
        <Button type="submit" size="sm" variant="ghost" disabled={save.isPending || !name.trim()}>{t("saveFilter")}</Button>
      </form>
    </div>
  );
}
