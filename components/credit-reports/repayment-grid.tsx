import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";
import { LEGEND_ORDER, STATE_CLASS } from "./grid-colours";

/** The legend of the repayment grids (accounts-view.tsx): every state letter the report uses. */
export async function GridLegend() {
  const t = await getTranslations("creditReports");
  return (
    <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs" data-testid="grid-legend" aria-label={t("gridLegend")}>
      {LEGEND_ORDER.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <span className={cn("inline-block size-3 rounded-sm", STATE_CLASS[s])} aria-hidden />
          {t(`legend.${s}`)}
        </span>
      ))}
    </div>
  );
}
