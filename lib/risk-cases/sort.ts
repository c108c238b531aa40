/** Columns the case list may sort by (server-side). Shared by the URL parsers and the query. */
export const RISK_CASE_SORTABLE = ["createTime"] as const;
export type RiskCaseSort = { field: (typeof RISK_CASE_SORTABLE)[number]; dir: "asc" | "desc" };
