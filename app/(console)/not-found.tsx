import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusMessage } from "@/components/shell/status-message";
import { Button } from "@/components/ui/button";

export default async function ConsoleNotFound() {
  const t = await getTranslations("common");
  return (
    <StatusMessage
      icon={FileQuestion}
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={
        <Button asChild variant="outline">
          <Link href="/">{t("goHome")}</Link>
        </Button>
      }
    />
  );
}
