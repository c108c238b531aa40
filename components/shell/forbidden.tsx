import { ShieldX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { StatusMessage } from "./status-message";

export async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <StatusMessage
      icon={ShieldX}
      iconClassName="text-destructive"
      title={t("forbiddenTitle")}
      body={t("forbiddenBody")}
      data-testid="forbidden"
      action={
        <Button asChild variant="outline">
          <Link href="/">{t("goHome")}</Link>
        </Button>
      }
    />
  );
}
