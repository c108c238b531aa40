"use client";

import { Search, X } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDataTable } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { personSearchTokenAction } from "@/lib/pretrial/person-search";

const ACTIVE_LABEL = { id: "personActiveId", mobile: "personActiveMobile", name: "personActiveName" } as const;

/**
 * Exact search by ID number, mobile or full name. The value goes to the server in a POST body
 * and comes back as a blind-index token; only the token is written to the URL (and so to
 * history, logs and export links). Its prefix says which kind was searched.
 */
export function PersonFilter() {
  const t = useTranslations("pretrial");
  const tv = useTranslations("validation");
  const { state, setState } = useDataTable();
  const [value, setValue] = useState("");
  const { execute, result, isPending, reset } = useAction(personSearchTokenAction, {
    onSuccess: ({ data }) => {
      if (data) void setState({ person: data.token, page: null });
      setValue("");
    },
  });
  const error = result.validationErrors ? tv("personQuery") : null;
  if (state.person) {
    const kind = String(state.person).split(".", 1)[0];
    return (
      <Badge variant="secondary" className="h-9 gap-1 px-3" data-testid="person-filter-active">
        {t(Object.hasOwn(ACTIVE_LABEL, kind) ? ACTIVE_LABEL[kind as keyof typeof ACTIVE_LABEL] : "personActive")}
        <Button variant="ghost" size="icon" className="size-5" aria-label={t("personClear")} onClick={() => void setState({ person: null, page: null })}>
          <X className="size-3" aria-hidden />
        </Button>
      </Badge>
    );
  }
  return (
    <form
      className="w-full sm:w-80"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) execute({ value });
      }}
    >
      <div className="relative">
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        type="search"
        aria-label={t("person")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "person-filter-error" : undefined}
        placeholder={t("person")}
        className="pl-8"
        value={value}
        disabled={isPending}
        autoComplete="off"
        data-testid="person-filter"
        onChange={(e) => {
          setValue(e.target.value);
          // The message was about the value submitted; once it is edited, it no longer applies.
          if (result.validationErrors) reset();
        }}
      />
      </div>
      {/* In the flow, not floating: a floating message slid under the sticky table header. */}
      {error && (
        <p id="person-filter-error" role="alert" className="mt-1 text-xs text-destructive" data-testid="person-filter-error">
          {error}
        </p>
      )}
    </form>
  );
}
