import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Area } from "@/lib/auth/roles";

export type CardFigure = { label: string; value: number | string; tone?: "default" | "warning" };

/** One slot on the home page per area; an area that has not shipped says so. */
export async function AreaCard({ area, figures, icon }: { area: Area; figures?: CardFigure[]; icon?: ReactNode }) {
  const t = await getTranslations();
  return (
    <Card data-testid={`home-card-${area}`} className="flex flex-col">
      <CardHeader className="flex flex-row items-center justify-between space-y-0 pb-2">
        <CardTitle className="flex items-center gap-2 text-base">
          {icon}
          {t(`nav.${area}`)}
        </CardTitle>
        <Link href={`/${area}`} className="text-sm text-primary hover:underline" aria-label={`${t("home.open")} ${t(`nav.${area}`)}`}>
          <ArrowRight className="size-4" aria-hidden />
        </Link>
      </CardHeader>
      <CardContent className="flex-1">
        {figures ? (
          <dl className="grid grid-cols-2 gap-3">
            {figures.map((f) => (
              <div key={f.label}>
                <dt className="text-xs text-muted-foreground">{f.label}</dt>
                <dd className={f.tone === "warning" && Number(f.value) > 0 ? "text-2xl font-semibold text-warning" : "text-2xl font-semibold"}>{f.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground">{t("home.cardNotBuilt")}</p>
        )}
      </CardContent>
    </Card>
  );
}
