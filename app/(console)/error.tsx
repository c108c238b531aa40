"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusMessage } from "@/components/shell/status-message";
import { Button } from "@/components/ui/button";

/**
 * An unexpected failure inside a console page: a plain message in the user's language and the
 * reference (Next.js's digest, which is also in the server log line), never a stack trace.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <StatusMessage
      icon={AlertTriangle}
      iconClassName="text-destructive"
      title={t("errorTitle")}
      body={t("errorBody", { reference: error.digest ?? "—" })}
      role="alert"
      action={
        <Button variant="outline" onClick={reset}>
          {t("retry")}
        </Button>
      }
    />
  );
}
