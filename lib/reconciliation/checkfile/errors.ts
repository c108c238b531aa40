/**
 * Why a check file was refused. A refusal fails the whole run (nothing of the file is applied)
 * and names the file type, the line (1 = the header) and, where it applies, the column.
 * The message is for logs and the run record; it never carries a field's value (a value can
 * be an account number), only its position.
 */
export type CheckFileProblem =
  | "empty" // no header line
  | "encoding" // not UTF-8
  | "missing_column" // a required column is not in the header
  | "duplicate_column" // the header names a column twice
  | "truncated" // the last line has no line end (the file was cut)
  | "field_count" // a line has more or fewer fields than the header
  | "bad_value" // an amount, time or date that does not parse, or a required value empty
  | "wrong_date" // a record of another day than the file's date
  | "other_platform" // a record of another platform
  | "balance_sum"; // BALANCE: balance ≠ available + frozen

export class CheckFileError extends Error {
  constructor(
    readonly problem: CheckFileProblem,
    readonly fileType: string,
    readonly line: number | null,
    readonly column: string | null,
    detail: string,
  ) {
    super(`${fileType}${line === null ? "" : ` line ${line}`}${column ? ` column ${column}` : ""}: ${detail}`);
    this.name = "CheckFileError";
  }
}
