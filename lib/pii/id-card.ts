/**
 * GB 11643-1999 resident ID numbers (18 characters):
 * 6-digit region · 8-digit birth date yyyyMMdd · 3-digit sequence (odd = male) · check digit.
 * Error messages never include the number itself: they end up in logs (design §5).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";
const ID_FORMAT = /^[1-8]\d{16}[\dX]$/;
// Births before 1900 are outside any living customer; a date there means a typo.
const MIN_BIRTH_DATE = "1900-01-01";
// Birth dates are calendar dates in China; comparing against Beijing time (UTC+8, no DST)
// keeps "born today" valid on a server running in UTC.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export type Sex = "M" | "F";

export interface ParsedIdNumber {
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  regionCode: string;
  /** Whole years at `at` (default now), counted in Beijing calendar days. */
  age(at?: Date): number;
}

export class InvalidIdNumberError extends Error {
  constructor(reason: string) {
    super(`Invalid resident ID number: ${reason}`);
    this.name = "InvalidIdNumberError";
  }
}

function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The 18th character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new InvalidIdNumberError("expected 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reason the number is invalid, or null; `x` is accepted for the check character. */
function findIdProblem(input: string, now: Date): string | null {
  const s = input.toUpperCase();
  if (!ID_FORMAT.test(s)) return "expected 17 digits and a check digit, region starting 1–8";
  const [y, m, d] = [s.slice(6, 10), s.slice(10, 12), s.slice(12, 14)].map(Number);
  if (!isRealDate(y, m, d)) return "birth date does not exist";
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birth < MIN_BIRTH_DATE) return "birth date is before 1900";
  if (birth > beijingDate(now)) return "birth date is in the future";
  if (idCheckDigit(s.slice(0, 17)) !== s[17]) return "check digit does not match";
  return null;
}

export function isValidIdNumber(s: unknown, now: Date = new Date()): boolean {
  return typeof s === "string" && findIdProblem(s.trim(), now) === null;
}

/** Parse a valid ID number; throws InvalidIdNumberError (without echoing the number). */
export function parseIdNumber(input: string, now: Date = new Date()): ParsedIdNumber {
  const s = typeof input === "string" ? input.trim().toUpperCase() : "";
  const problem = findIdProblem(s, now);
  if (problem) throw new InvalidIdNumberError(problem);
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  return {
    birthDate,
    sex: Number(s[16]) % 2 === 1 ? "M" : "F",
    regionCode: s.slice(0, 6),
    age: (at: Date = new Date()) => ageOn(birthDate, beijingDate(at)),
  };
}

/** Compare MM-DD strings, so a 29 February birthday counts from 1 March in common years. */
function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

// ---- Synthetic demo people -------------------------------------------------------------

/** Real-format region codes (Beijing Xicheng, Shanghai Xuhui, Shenzhen Futian, Chengdu Jinjiang, Hangzhou Xihu). */
export const SYNTHETIC_REGION_CODES = ["110101", "310104", "440305", "510104", "330106"] as const;

/** Integer in [min, max]; clamps so an rng that returns exactly 1 stays in range. */
export function randomInt(rng: () => number, min: number, max: number): number {
  const r = Math.min(Math.max(rng(), 0), 0.999999999999);
  return min + Math.floor(r * (max - min + 1));
}

function digits(rng: () => number, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(randomInt(rng, 0, 9));
  return out;
}

export interface SyntheticIdOptions {
  birthYear?: number;
  sex?: Sex;
  /** Reference "today" for the not-in-the-future rule; defaults to now. */
  now?: Date;
}

/**
 * A checksum-valid ID number for demo data. The rng is a parameter so seeds and
 * fast-check can reproduce people. The numbers are random, not looked up: they are
 * meant for the sandbox and must never be sent to a real vendor.
 */
export function generateSyntheticIdNumber(rng: () => number, opts: SyntheticIdOptions = {}): string {
  const now = opts.now ?? new Date();
  const today = beijingDate(now);
  const thisYear = Number(today.slice(0, 4));
  const year = opts.birthYear ?? randomInt(rng, 1960, Math.min(2004, thisYear));
  if (!Number.isInteger(year) || year < 1900 || year > thisYear) {
    throw new RangeError(`birthYear must be an integer from 1900 to ${thisYear}`);
  }
  const month = randomInt(rng, 1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let birth = `${year}-${pad2(month)}-${pad2(randomInt(rng, 1, daysInMonth))}`;
  // Only the current year can produce a future date; fall back to today in that case.
  if (birth > today) birth = today;

  const region = SYNTHETIC_REGION_CODES[randomInt(rng, 0, SYNTHETIC_REGION_CODES.length - 1)];
  const sex: Sex = opts.sex ?? (randomInt(rng, 0, 1) === 1 ? "M" : "F");
  // 17th digit parity carries sex: odd male, even female.
  const sexDigit = 2 * randomInt(rng, 0, 4) + (sex === "M" ? 1 : 0);
  const first17 = region + birth.replace(/-/g, "") + digits(rng, 2) + String(sexDigit);
  return first17 + idCheckDigit(first17);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// ---- Mobile and bank card --------------------------------------------------------------

/** Mainland mobile number, exactly as given (callers trim/normalize input first). */
export function isValidMobile(s: unknown): boolean {
  return typeof s === "string" && /^1[3-9]\d{9}$/.test(s);
}

/** Luhn check digit for a digit string without its final check digit. */
export function luhnCheckDigit(partial: string): string {
  if (!/^\d+$/.test(partial)) throw new Error("luhnCheckDigit expects digits");
  let sum = 0;
  // Walking from the right, every digit at an even distance from the check digit is doubled.
  for (let i = partial.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(partial[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** 12–19 digits with a valid Luhn check digit (UnionPay debit cards are 16–19). */
export function isValidBankCard(s: unknown): boolean {
  if (typeof s !== "string" || !/^\d{12,19}$/.test(s)) return false;
  return luhnCheckDigit(s.slice(0, -1)) === s[s.length - 1];
}

const SYNTHETIC_MOBILE_PREFIXES = ["130", "135", "138", "150", "166", "177", "186", "199"];

export function generateSyntheticMobile(rng: () => number): string {
  const prefix = SYNTHETIC_MOBILE_PREFIXES[randomInt(rng, 0, SYNTHETIC_MOBILE_PREFIXES.length - 1)];
  return prefix + digits(rng, 8);
}

/** Luhn-valid card number of `length` digits (default 16) starting with `bin`. */
export function generateSyntheticBankCard(rng: () => number, bin = "622202", length = 16): string {
  if (!/^\d{1,11}$/.test(bin)) throw new Error("bin must be 1–11 digits");
  if (!Number.isInteger(length) || length < 12 || length > 19 || length <= bin.length) {
    throw new RangeError("length must be 12–19 and longer than the bin");
  }
  const partial = bin + digits(rng, length - bin.length - 1);
  return partial + luhnCheckDigit(partial);
}
