import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export default async function ConsoleNotFound() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <FileQuestion className="mx-auto size-10 text-muted-foreground" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("notFoundBody")}</p>
      <Button asChild className="mt-6" variant="outline">
        <Link href="/">{t("goHome")}</Link>
      </Button>
    </div>
  );
}
