import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getAreaUser } from "@/lib/auth/guard";
import type { Area } from "@/lib/auth/roles";
import { Forbidden } from "./forbidden";

/** An area whose issue has not shipped yet: says so plainly, after the same role check. */
export async function AreaPlaceholder({ area }: { area: Area }) {
  const user = await getAreaUser(area);
  if (!user) return <Forbidden />;
  const t = await getTranslations();
  return (
    <div className="mx-auto mt-16 max-w-md text-center" data-testid="not-built">
      <Construction className="mx-auto size-10 text-muted-foreground" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">{t(`nav.${area}`)}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{t("common.notBuiltBody", { area: t(`nav.${area}`) })}</p>
    </div>
  );
}
