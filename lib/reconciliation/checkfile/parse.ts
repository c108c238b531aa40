import { CHECK_FILE_COLUMNS, type CheckFileType, type ColumnSpec } from "./columns";
import { CheckFileError } from "./errors";

/**
 * Streaming parser of one 联银通 check file (design.md §3): UTF-8, a header line of column
 * names, `|` between fields, one record a line, amounts in yuan. It never holds the file: it
 * reads chunks and yields the records of each chunk as a batch, so a 1,000,000-line file costs
 * one chunk of memory. Any problem throws a {@link CheckFileError} naming the line; the caller
 * (the COPY loader) then aborts its transaction, so nothing of the file is applied.
 */

/** One record, normalised: amounts in integer fen, times as the wire's yyyyMMddHHmmss text. */
export type CheckRecord = {
  lineNo: number;
  requestNo: string;
  /** TRANSACTION: tells apart the lines of one request (one-to-many); "" when absent. */
  detailNo: string;
  platformUserNo: string;
  projectNo: string;
  /** Fen. The record's amount (projectAmount for PROJECT, balance for BALANCE, 0 for USER/UNREGISTER). */
  amount: number;
  /** Fen. fee (RECHARGE, WITHDRAW), commission (TRANSACTION), available (BALANCE), else 0. */
  fee: number;
  /** BALANCE: frozen fen; else 0. */
  frozen: number;
  status: string;
  /** TRANSACTION: tradeType; PROJECT: projectStatus; else "". */
  kind: string;
  transactionTime: string;
};

export type ParseOptions = {
  fileType: CheckFileType;
  /** yyyyMMdd, Beijing: every record's transaction time must fall on it. */
  fileDate: string;
  platformNo: string;
};

/** Records per yielded batch (a 1 MiB chunk holds about 13,000 lines). */
const MAX_BATCH = 2048;
export const MAX_LINE_CHARS = 64 * 1024; // a line longer than this is not a record but a corrupt file

export async function* parseCheckFile(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, opts: ParseOptions): AsyncGenerator<CheckRecord[]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  let lineNo = 0;
  let header: HeaderMap | null = null;
  const fail = (problem: ConstructorParameters<typeof CheckFileError>[0], detail: string, column: string | null = null, line: number | null = lineNo) => {
    throw new CheckFileError(problem, opts.fileType, line, column, detail);
  };

  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      fail("encoding", "the file is not valid UTF-8", null, lineNo + 1);
    }
    const buffer = rest + text!;
    let batch: CheckRecord[] = [];
    let start = 0;
    for (let nl = buffer.indexOf("\n", start); nl !== -1; nl = buffer.indexOf("\n", start)) {
      const line = buffer.charCodeAt(nl - 1) === 13 ? buffer.slice(start, nl - 1) : buffer.slice(start, nl);
      start = nl + 1;
      lineNo++;
      if (header === null) header = readHeader(lineNo === 1 ? stripBom(line) : line, opts.fileType);
      else if (line !== "") batch.push(readRecord(line, lineNo, header, opts));
      // An empty line is tolerated (a trailing blank line), never counted as a record.
      if (batch.length >= MAX_BATCH) {
        // Small batches die young: a whole chunk's records would outlive the young generation.
        yield batch;
        batch = [];
      }
    }
    rest = buffer.slice(start);
    if (rest.length > MAX_LINE_CHARS) fail("field_count", `a line longer than ${MAX_LINE_CHARS} characters`, null, lineNo + 1);
    if (batch.length > 0) yield batch;
  }
  try {
    rest += decoder.decode();
  } catch {
    fail("encoding", "the file ends inside a UTF-8 character", null, lineNo + 1);
  }
  if (rest.length > 0) fail("truncated", "the last line has no line end: the file was cut short", null, lineNo + 1);
  if (header === null) fail("empty", "the file has no header line", null, 1);
}

/** Reads a whole in-memory file (tests, small files). */
export async function parseCheckFileText(text: string | Uint8Array, opts: ParseOptions): Promise<CheckRecord[]> {
  const out: CheckRecord[] = [];
  for await (const batch of parseCheckFile([text], opts)) out.push(...batch);
  return out;
}

/**
 * The header, resolved once: for each column the record needs, its field index (-1 when the
 * file has no such column). The per-line path creates no closures (this runs a million times).
 */
export type HeaderMap = {
  count: number;
  specs: readonly ColumnSpec[];
  specIndex: Int32Array;
  platformNo: number;
  requestNo: number;
  detailNo: number;
  platformUserNo: number;
  sourcePlatformUserNo: number;
  projectNo: number;
  status: number;
  transactionTime: number;
  amount: number;
  fee: number;
  frozen: number;
  kind: number;
  balanceDate: number;
};

export function stripBom(line: string) {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

export function readHeader(line: string, fileType: CheckFileType): HeaderMap {
  const names = line.split("|").map((n) => n.trim());
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (index.has(n)) throw new CheckFileError("duplicate_column", fileType, 1, n, `the header names column ${n} twice`);
    index.set(n, i);
  });
  const specs = CHECK_FILE_COLUMNS[fileType];
  for (const s of specs) {
    if (s.required && !index.has(s.name)) throw new CheckFileError("missing_column", fileType, 1, s.name, `required column ${s.name} is missing`);
  }
  const at = (name: string) => index.get(name) ?? -1;
  const known = new Set(specs.map((s) => s.name));
  const own = (name: string) => (known.has(name) ? at(name) : -1);
  const amountColumn = { RECHARGE: "amount", WITHDRAW: "amount", TRANSACTION: "amount", PROJECT: "projectAmount", BALANCE: "balance" } as const;
  const feeColumn = { RECHARGE: "fee", WITHDRAW: "fee", TRANSACTION: "commission", BALANCE: "availableAmount" } as const;
  return {
    count: names.length,
    specs,
    specIndex: Int32Array.from(specs.map((s) => at(s.name))),
    platformNo: at("platformNo"),
    requestNo: own("requestNo"),
    detailNo: own("detailNo"),
    platformUserNo: own("platformUserNo"),
    sourcePlatformUserNo: own("sourcePlatformUserNo"),
    projectNo: own("projectNo"),
    status: own("status"),
    transactionTime: own("transactionTime"),
    amount: fileType in amountColumn ? at(amountColumn[fileType as keyof typeof amountColumn]) : -1,
    fee: fileType in feeColumn ? at(feeColumn[fileType as keyof typeof feeColumn]) : -1,
    frozen: fileType === "BALANCE" ? at("freezeAmount") : -1,
    kind: fileType === "TRANSACTION" ? at("tradeType") : fileType === "PROJECT" ? at("projectStatus") : -1,
    balanceDate: own("balanceDate"),
  };
}

function field(fields: string[], i: number): string {
  if (i < 0) return "";
  const v = fields[i]!;
  // Trim only when needed: most fields have no surrounding spaces.
  return v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
}

export function readRecord(line: string, lineNo: number, h: HeaderMap, opts: ParseOptions): CheckRecord {
  const fields = line.split("|");
  const ft = opts.fileType;
  if (fields.length !== h.count) {
    throw new CheckFileError("field_count", ft, lineNo, null, `${fields.length} fields where the header has ${h.count}`);
  }
  for (let c = 0; c < h.specs.length; c++) {
    const s = h.specs[c]!;
    const v = field(fields, h.specIndex[c]!);
    if (v === "") {
      if (s.required) throw new CheckFileError("bad_value", ft, lineNo, s.name, `required value ${s.name} is empty`);
    } else if (s.kind === "T") {
      if (!isWireTime(v)) throw new CheckFileError("bad_value", ft, lineNo, s.name, `${s.name} is not a time yyyyMMddHHmmss`);
    } else if (s.kind === "D") {
      if (!isWireDate(v)) throw new CheckFileError("bad_value", ft, lineNo, s.name, `${s.name} is not a date yyyyMMdd`);
    }
  }
  if (field(fields, h.platformNo) !== opts.platformNo) {
    throw new CheckFileError("other_platform", ft, lineNo, "platformNo", "the record belongs to another platform");
  }
  const amountText = field(fields, h.amount);
  const feeText = field(fields, h.fee);
  const frozenText = field(fields, h.frozen);
  const rec: CheckRecord = {
    lineNo,
    requestNo: field(fields, h.requestNo),
    detailNo: field(fields, h.detailNo),
    platformUserNo: field(fields, h.platformUserNo) || field(fields, h.sourcePlatformUserNo),
    projectNo: field(fields, h.projectNo),
    amount: amountText === "" ? 0 : yuanToFen(amountText, ft, lineNo, ft === "PROJECT" ? "projectAmount" : ft === "BALANCE" ? "balance" : "amount"),
    fee: feeText === "" ? 0 : yuanToFen(feeText, ft, lineNo, ft === "TRANSACTION" ? "commission" : ft === "BALANCE" ? "availableAmount" : "fee"),
    frozen: frozenText === "" ? 0 : yuanToFen(frozenText, ft, lineNo, "freezeAmount"),
    status: ft === "PROJECT" ? "SUCCESS" : field(fields, h.status) || "SUCCESS",
    kind: field(fields, h.kind),
    transactionTime: field(fields, h.transactionTime),
  };
  if (ft === "BALANCE") {
    if (rec.amount !== rec.fee + rec.frozen) throw new CheckFileError("balance_sum", ft, lineNo, "balance", "balance is not availableAmount + freezeAmount");
    const d = field(fields, h.balanceDate);
    if (d !== "" && d !== opts.fileDate) throw new CheckFileError("wrong_date", ft, lineNo, "balanceDate", `the balance is of another day than ${opts.fileDate}`);
  } else if (!rec.transactionTime.startsWith(opts.fileDate)) {
    throw new CheckFileError("wrong_date", ft, lineNo, "transactionTime", `the record is of another day than ${opts.fileDate}`);
  }
  return rec;
}

/** Yuan text → integer fen, exactly (no floating point). Under one billion yuan, ≥ 0, ≤ 2 decimals. */
export function yuanToFen(v: string, fileType: string, lineNo: number, column: string): number {
  // The form ^\d{1,10}(\.\d{1,2})?$, read by hand: this runs for every amount of a million lines.
  let whole = 0;
  let i = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const digits = i;
  let frac = 0;
  let fracDigits = 0;
  if (i < v.length && v.charCodeAt(i) === 46) {
    for (i++; i < v.length; i++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      frac = frac * 10 + c;
      fracDigits++;
    }
    if (fracDigits === 0) i = -1; // "12." is not an amount
  }
  if (digits < 1 || digits > 10 || fracDigits > 2 || i !== v.length) {
    throw new CheckFileError("bad_value", fileType, lineNo, column, `${column} is not an amount in yuan with at most two decimals`);
  }
  if (whole >= 1_000_000_000) throw new CheckFileError("bad_value", fileType, lineNo, column, `${column} is not under one billion yuan`);
  return whole * 100 + (fracDigits === 1 ? frac * 10 : frac);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the digits v[from, to), or -1 when one is not a digit. */
function digitsAt(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isWireDate(v: string): boolean {
  return v.length === 8 && isDateAt(v);
}

/** v starts with a valid yyyyMMdd. */
function isDateAt(v: string): boolean {
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 4, 6);
  const d = digitsAt(v, 6, 8);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]!) return false;
  return mo !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

function isWireTime(v: string): boolean {
  if (v.length !== 14 || !isDateAt(v)) return false;
  const h = digitsAt(v, 8, 10);
  const mi = digitsAt(v, 10, 12);
  const s = digitsAt(v, 12, 14);
  return h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60;
}
