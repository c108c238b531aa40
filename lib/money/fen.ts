/**
 * Money as integer fen (1 yuan = 100 fen). Amounts are JS numbers restricted to safe
 * integers: exact, cheap, JSON-friendly. PostgreSQL BIGINT columns arrive from Prisma as
 * bigint, so conversions both ways are provided and checked. No float ever touches an
 * amount: decimal strings are split into digits, never multiplied by 100.
 */

/** An integer number of fen, always within ±Number.MAX_SAFE_INTEGER. */
export type Fen = number;

export type MoneyParseErrorCode = "empty" | "format" | "precision" | "range";

export class MoneyParseError extends Error {
  readonly code: MoneyParseErrorCode;
  constructor(code: MoneyParseErrorCode, message: string) {
    super(message);
    this.name = "MoneyParseError";
    this.code = code;
  }
}

/** Arithmetic or conversion left the safe-integer range, or a non-integer was passed. */
export class MoneyRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "MoneyRangeError";
  }
}

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

export function isFen(value: unknown): value is Fen {
  return typeof value === "number" && Number.isSafeInteger(value);
}

export function assertFen(value: unknown, label = "amount"): asserts value is Fen {
  if (!isFen(value)) {
    throw new MoneyRangeError(`${label} must be a safe integer number of fen, got ${String(value)}`);
  }
}

export function fenFromBigInt(value: bigint): Fen {
  if (typeof value !== "bigint") throw new MoneyRangeError("fenFromBigInt expects a bigint");
  if (value > MAX_FEN || value < -MAX_FEN) {
    throw new MoneyRangeError(`${value} fen is outside the safe integer range`);
  }
  // `+ 0` turns a negative zero into 0; bigint has no -0 but Number(-0n) must stay clean.
  return Number(value) + 0;
}

export function fenToBigInt(fen: Fen): bigint {
  assertFen(fen);
  return BigInt(fen);
}

/** Sum computed in bigint, so only the final result must be in range (a + b - b never trips). */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0n;
  amounts.forEach((a, i) => {
    assertFen(a, `amount #${i}`);
    total += BigInt(a);
  });
  return fenFromBigInt(total);
}

export function addFen(...amounts: Fen[]): Fen {
  return sumFen(amounts);
}

export function subFen(a: Fen, b: Fen): Fen {
  assertFen(a, "minuend");
  assertFen(b, "subtrahend");
  return fenFromBigInt(BigInt(a) - BigInt(b));
}

/** Build fen from sign + integer digits + at most 2 fraction digits, with a range check. */
function digitsToFen(negative: boolean, intDigits: string, fracDigits: string, input: string): Fen {
  const fen = BigInt(intDigits + fracDigits.padEnd(2, "0"));
  if (fen > MAX_FEN) {
    throw new MoneyParseError("range", `Amount "${input}" is too large to represent exactly`);
  }
  // Returning 0 for "-0" / "-0.00": a negative zero would print as "0.00" yet compare oddly.
  return fen === 0n ? 0 : Number(negative ? -fen : fen);
}

function precisionError(input: string): MoneyParseError {
  return new MoneyParseError(
    "precision",
    `Amount "${input}" has more than 2 decimals; amounts are in yuan with at most 2 decimals (fen)`,
  );
}

// Human input: optional "-", optional ¥/￥, then digits either plain or grouped in threes
// with commas, then an optional fraction. ".5" and "5." are refused as likely typos.
const HUMAN_YUAN =
  /^(?<sign>-?)\s*[¥￥]?\s*(?<sign2>-?)(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?$/;

/**
 * Parse a yuan amount typed by a person or read from a spreadsheet:
 * "1", "1.5", "-0.01", "1,234.56", "¥12.00", " 12.3 ", or a JS number (via its shortest
 * decimal string, so 12.3 is "12.3" and never 12.299999…).
 */
export function parseYuan(input: string | number): Fen {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      throw new MoneyParseError("format", `Amount ${input} is not a finite number`);
    }
    const text = String(input);
    // String() switches to exponent notation below 1e-6 and from 1e21: too small to be
    // fen, or far beyond the safe range.
    if (/e/i.test(text)) {
      throw Math.abs(input) < 1
        ? precisionError(text)
        : new MoneyParseError("range", `Amount ${text} is too large to represent exactly`);
    }
    return parseYuan(text);
  }
  if (typeof input !== "string") throw new MoneyParseError("format", "Amount must be a string or number");
  const text = input.trim();
  if (!text) throw new MoneyParseError("empty", "Amount is empty");
  if (/\d[eE][+-]?\d/.test(text)) {
    throw new MoneyParseError("format", `Amount "${text}" uses exponent notation; write it out in full`);
  }
  const m = HUMAN_YUAN.exec(text);
  const g = m?.groups;
  if (!g || (g.sign && g.sign2)) {
    throw new MoneyParseError("format", `Amount "${text}" is not a yuan amount such as 1,234.56`);
  }
  const frac = g.frac ?? "";
  if (frac.length > 2) throw precisionError(text);
  return digitsToFen(Boolean(g.sign || g.sign2), g.int.replace(/,/g, ""), frac, text);
}

export interface FormatYuanOptions {
  /** Prefix "¥" (after the minus sign). Default false. */
  symbol?: boolean;
  /** Thousands separators. Default true. */
  grouping?: boolean;
}

/** `123456` → "1,234.56"; always two decimals; `-1` → "-0.01". Accepts Prisma bigint too. */
export function formatYuan(fen: Fen | bigint, opts: FormatYuanOptions = {}): string {
  const value = typeof fen === "bigint" ? fenFromBigInt(fen) : fen;
  assertFen(value);
  const abs = Math.abs(value);
  let int = String(Math.floor(abs / 100));
  if (opts.grouping ?? true) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = String(abs % 100).padStart(2, "0");
  return `${value < 0 ? "-" : ""}${opts.symbol ? "¥" : ""}${int}.${frac}`;
}

/** The 联银通 wire format: yuan, two decimals, no grouping, no symbol ("1234.56"). */
export function toWireYuan(fen: Fen | bigint): string {
  return formatYuan(fen, { grouping: false, symbol: false });
}

/**
 * Strict parser for amounts received on the wire. Accepted: optional "-", one or more
 * digits, optionally "." and 1–2 digits ("12", "12.5", "12.50", "-0.01", "007.00").
 * Leading zeros are tolerated because their value is unambiguous. Refused: whitespace,
 * "+", grouping, currency symbols, ".5", "5.", exponent notation, 3+ decimals. A vendor
 * sending anything else has changed its format, which should fail loudly.
 */
export function fromWireYuan(s: string): Fen {
  if (typeof s !== "string") throw new MoneyParseError("format", "Wire amount must be a string");
  if (s === "") throw new MoneyParseError("empty", "Wire amount is empty");
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new MoneyParseError("format", `Wire amount "${s}" is not of the form 1234.56`);
  const frac = m[3] ?? "";
  if (frac.length > 2) throw precisionError(s);
  return digitsToFen(m[1] === "-", m[2], frac, s);
}
