/** Columns the order list may sort by (server-side, indexed). */
export const PRETRIAL_SORTABLE = ["createdAt", "outsideOrderId"] as const;
export type PretrialSort = { field: (typeof PRETRIAL_SORTABLE)[number]; dir: "asc" | "desc" };
