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
