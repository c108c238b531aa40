/** Columns the credit-report list may sort by (server-side). Shared by the URL parsers and the query. */
export const REPORT_SORTABLE = ["createdAt"] as const;
export type ReportSort = { field: (typeof REPORT_SORTABLE)[number]; dir: "asc" | "desc" };
