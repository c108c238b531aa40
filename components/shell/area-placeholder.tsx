import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { getAreaUser } from "@/lib/auth/guard";
import type { Area } from "@/lib/auth/roles";
import { Forbidden } from "./forbidden";
import { StatusMessage } from "./status-message";

/** An area whose issue has not shipped yet: says so plainly, after the same role check. */
export async function AreaPlaceholder({ area }: { area: Area }) {
  const user = await getAreaUser(area);
  if (!user) return <Forbidden />;
  const t = await getTranslations();
  return <StatusMessage icon={Construction} title={t(`nav.${area}`)} body={t("common.notBuiltBody", { area: t(`nav.${area}`) })} data-testid="not-built" />;
}
