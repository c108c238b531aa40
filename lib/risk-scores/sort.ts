/** Columns the score list may sort by (server-side). Shared by the URL parsers and the query. */
export const SCORE_SORTABLE = ["createdAt", "score"] as const;
export type ScoreSort = { field: (typeof SCORE_SORTABLE)[number]; dir: "asc" | "desc" };
