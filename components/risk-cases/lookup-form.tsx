"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { lookupCaseAction } from "@/lib/risk-cases/actions";
import type { ActionServerError } from "@/lib/safe-action";

/** Find a case or merchant by number; asks the vendor when we do not hold it yet. */
export function LookupForm() {
  const t = useTranslations("riskCases.lookup");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [query, setQuery] = useState("");
  const { execute, isPending } = useAction(lookupCaseAction, {
    onSuccess: ({ data }) => {
      if (!data || data.kind === "none") return void toast.info(t("none"));
      if (data.fromVendor) toast.success(t("fromVendor"));
      if (data.kind === "case") router.push(`/risk-cases/${data.id}`);
      // A lookup asks for everything the merchant has: snoozed cases included.
      else router.push(`/risk-cases?mercNum=${encodeURIComponent(data.mercNum)}&snoozed=all`);
    },
    onError: ({ error }) => {
      const field = error.validationErrors as { fieldErrors?: Record<string, string[]> } | undefined;
      const key = field?.fieldErrors?.query?.[0];
      toast.error(key && tv.has(key) ? tv(key) : ((error.serverError as ActionServerError | undefined)?.message ?? ""));
    },
  });
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (query.trim()) execute({ query: query.trim() });
      }}
    >
      <Input aria-label={t("label")} placeholder={t("placeholder")} value={query} onChange={(e) => setQuery(e.target.value)} className="w-full sm:w-60" data-testid="lookup-input" />
      <Button type="submit" size="sm" variant="outline" disabled={isPending} data-testid="lookup-submit">
        {t("submit")}
      </Button>
    </form>
  );
}
