import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

/** Colour per repayment state: green paid, amber to red as months overdue climb, black for bad debt. */
export const STATE_CLASS: Record<string, string> = {
  N: "bg-emerald-500/80 text-white",
  "*": "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  C: "bg-sky-200 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  G: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  "1": "bg-amber-300 text-amber-950",
  "2": "bg-orange-400 text-white",
  "3": "bg-orange-600 text-white",
  "4": "bg-red-500 text-white",
  "5": "bg-red-600 text-white",
  "6": "bg-red-700 text-white",
  "7": "bg-red-900 text-white",
  D: "bg-purple-600 text-white",
  Z: "bg-purple-800 text-white",
  B: "bg-neutral-900 text-white dark:bg-black",
  "#": "bg-neutral-300 text-neutral-900 dark:bg-neutral-700 dark:text-neutral-100",
  "/": "bg-muted text-muted-foreground",
};
export const LEGEND_ORDER = ["N", "1", "2", "3", "4", "5", "6", "7", "B", "C", "D", "G", "Z", "#", "*", "/"] as const;

export type GridCell = { label: string; state: string | null; amount: string | null };

/**
 * The 60-month repayment record as 5 rows of 12, oldest first, each cell coloured by state
 * with its month, state and amount in the tooltip. Months the record does not print are blank.
 */
export async function RepaymentGrid({ cells, testId }: { cells: GridCell[]; testId?: string }) {
  const t = await getTranslations("creditReports");
  return (
    <div className="overflow-x-auto" data-testid={testId ?? "repayment-grid"}>
      <div className="grid min-w-[36rem] grid-cols-12 gap-0.5" role="grid" aria-label={t("sections.repaymentGrid")}>
        {cells.map((c) => {
          const legend = c.state && t.has(`legend.${c.state}`) ? t(`legend.${c.state}`) : (c.state ?? "—");
          return (
            <div
              key={c.label}
              role="gridcell"
              tabIndex={-1}
              data-state={c.state ?? ""}
              title={t("gridCell", { month: c.label, state: legend, amount: c.amount ?? "—" })}
              className={cn("flex h-7 flex-col items-center justify-center rounded-sm text-[10px] leading-none", c.state ? (STATE_CLASS[c.state] ?? "bg-muted") : "border border-dashed")}
            >
              <span className="font-semibold">{c.state ?? ""}</span>
              <span className="opacity-70">{c.label.slice(2)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

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
