// Server pages and route handlers import "@/lib/list/search-params" directly: importing it
// alone keeps the client table out of their graph.
export { DataTable, type DataTableColumn, type DataTableProps } from "./data-table";
export { useDataTable } from "./data-table-context";
export { type PageCursors } from "./data-table-pagination";
export { dateShortcuts, TableDateShortcuts, TableFilterChip, type TableTab, TableTabs } from "./data-table-tabs";
export { RowActions } from "./row-actions";
export { CountText } from "./count-text";
export {
  DataTableToolbar,
  ExportButtons,
  type FilterOption,
  TableDateRangeFilter,
  TableResetFilters,
  TableSelectFilter,
  TableTextFilter,
} from "./data-table-toolbar";
export * from "@/lib/list/search-params";
