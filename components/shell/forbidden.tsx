import { ShieldX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto mt-16 max-w-md text-center" data-testid="forbidden">
      <ShieldX className="mx-auto size-10 text-destructive" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("forbiddenBody")}</p>
      <Button asChild className="mt-6" variant="outline">
        <Link href="/">{t("goHome")}</Link>
      </Button>
    </div>
  );
}
