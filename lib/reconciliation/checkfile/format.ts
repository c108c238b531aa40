import { CHECK_FILE_COLUMNS, type CheckFileType } from "./columns";

/**
 * Writes check files in the format the parser reads (design.md §3): the 联银通 sandbox twin
 * produces its files with it, and the tests and the benchmark make theirs with it.
 */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/** The header line (with its line end) of a file type, in the columns' own order. */
export function checkFileHeader(fileType: CheckFileType, extraColumns: readonly string[] = []): string {
  return [...CHECK_FILE_COLUMNS[fileType].map((c) => c.name), ...extraColumns].join("|") + "\n";
}

/** One line (with its line end) from values by column name; absent columns are empty. */
export function checkFileLine(fileType: CheckFileType, values: Record<string, string | number | undefined>, extraColumns: readonly string[] = []): string {
  const names = [...CHECK_FILE_COLUMNS[fileType].map((c) => c.name), ...extraColumns];
  return names.map((n) => formatValue(values[n])).join("|") + "\n";
}

function formatValue(v: string | number | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "number") return fenToYuanText(v);
  if (v.includes("|") || v.includes("\n")) throw new Error("a check file value may not contain | or a line end");
  return v;
}
