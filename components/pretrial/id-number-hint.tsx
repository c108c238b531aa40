"use client";

import { useTranslations } from "next-intl";
import { isValidIdNumber, parseIdNumber } from "@/lib/pii/id-card";

/** Shows what a valid ID number encodes, so the officer can check it against the card. */
export function IdNumberHint({ value }: { value: string }) {
  const t = useTranslations("pretrial");
  const v = value.trim().toUpperCase();
  if (v.length !== 18 || !isValidIdNumber(v)) return null;
  const { birthDate, sex } = parseIdNumber(v);
  return (
    <p className="text-xs text-muted-foreground" data-testid="id-derived">
      {t("idDerived", { birthDate, sex: sex === "M" ? t("male") : t("female") })}
    </p>
  );
}
