"use client";

import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/** Flips zh-CN ↔ en: the locale is a cookie, so the URL stays and the server re-renders. */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={t("language")}
      data-testid="language-switch"
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
    >
      <Languages className="size-4" aria-hidden />
      {next === "en" ? "English" : "中文"}
    </Button>
  );
}
