"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { nameCodeAction } from "@/lib/risk-cases/actions";
import { CODE_FIELDS } from "@/lib/risk-cases/code-fields";
import type { ActionServerError } from "@/lib/safe-action";

/** Admins name a vendor code (or rename one); the list and case pages show the name beside it. */
export function CodeNameForm() {
  const t = useTranslations("riskCases");
  const [v, setV] = useState({ field: CODE_FIELDS[0] as string, code: "", nameZh: "", nameEn: "" });
  const { execute, isPending } = useAction(nameCodeAction, {
    onSuccess: () => (toast.success(t("codes.saved")), setV((s) => ({ ...s, code: "", nameZh: "", nameEn: "" }))),
    onError: ({ error }) => toast.error((error.serverError as ActionServerError | undefined)?.message ?? ""),
  });
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => (e.preventDefault(), execute(v as Parameters<typeof execute>[0]))}>
      <NativeSelect aria-label={t("codes.field")} value={v.field} onChange={(e) => setV({ ...v, field: e.target.value })} className="w-48">
        {CODE_FIELDS.map((f) => (
          <option key={f} value={f}>{t(`fields.${f}`)} ({f})</option>
        ))}
      </NativeSelect>
      <Input aria-label={t("codes.code")} placeholder={t("codes.code")} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} className="w-32" />
      <Input aria-label={t("codes.nameZh")} placeholder={t("codes.nameZh")} value={v.nameZh} onChange={(e) => setV({ ...v, nameZh: e.target.value })} className="w-40" />
      <Input aria-label={t("codes.nameEn")} placeholder={t("codes.nameEn")} value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} className="w-40" />
      <Button type="submit" size="sm" disabled={isPending || !v.code || !v.nameZh || !v.nameEn}>{t("codes.save")}</Button>
    </form>
  );
}
