"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * An unexpected failure inside a console page: a plain message in the user's language and the
 * reference (Next.js's digest, which is also in the server log line), never a stack trace.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="mx-auto mt-16 max-w-md text-center" role="alert">
      <AlertTriangle className="mx-auto size-10 text-destructive" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("errorBody", { reference: error.digest ?? "—" })}</p>
      <Button className="mt-6" variant="outline" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
