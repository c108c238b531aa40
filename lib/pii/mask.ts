/**
 * Display and log masking of personal data (design §5). Every function is total: input it
 * cannot mask meaningfully (empty, too short, wrong type) becomes a fixed mask instead of
 * being passed through, because echoing raw data is the one failure a masker must not have.
 */

/** The mask for values too short to mask partially; fixed, so it does not reveal the length. */
export const REDACTED = "****";

type MaskInput = string | number | bigint | null | undefined;

/** Spaces and hyphens are formatting ("166 1234 2002"), not data. */
function compact(value: MaskInput): string {
  if (value === null || value === undefined) return "";
  return String(value).trim().replace(/[\s-]+/g, "");
}

function keepEnds(s: string, head: number, tail: number): string {
  return s.slice(0, head) + "*".repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/** `511002199001016174` → `5110**********6174` (first 4, last 4). */
export function maskIdNumber(value: MaskInput): string {
  const s = compact(value);
  // 15 covers first-generation IDs; below that, keeping 8 characters would reveal most of it.
  return s.length < 15 ? REDACTED : keepEnds(s, 4, 4);
}

/** `16612342002` → `166****2002`; a `+86`/`0086` prefix is dropped first. */
export function maskMobile(value: MaskInput): string {
  const s = compact(value).replace(/^(?:\+86|0086)(?=\d{11}$)/, "");
  return s.length < 11 ? REDACTED : keepEnds(s, 3, 4);
}

/** `6222021234561234` → `622202******1234` (first 6 + last 4, length kept). */
export function maskBankCard(value: MaskInput): string {
  const s = compact(value);
  if (s.length < 12) return REDACTED;
  // First 6 + last 4 would leave only 2–5 digits hidden on a 12–15 digit number.
  return s.length >= 16 ? keepEnds(s, 6, 4) : keepEnds(s, 4, 4);
}

const LATIN_NAME = /^[\p{Script=Latin}\s.'’-]+$/u;

/**
 * Person names (design §5), by code point so 𠮷 is never cut in half:
 * - Chinese and other scripts: `李明` → `李*`; `陈朝良` → `陈*良`; `欧阳娜娜` → `欧**娜`
 *   (first and last character kept from three characters on, the usual 陈*良 convention);
 * - Latin names: the initial of each word, `John Smith` → `J*** S***` (a fixed three stars, so
 *   the mask does not tell the length of each part);
 * - one character: `*`; nothing: {@link REDACTED}.
 */
export function maskName(value: MaskInput): string {
  const text = value === null || value === undefined ? "" : String(value).trim();
  if (!text) return REDACTED;
  if (/\p{Script=Latin}/u.test(text) && LATIN_NAME.test(text)) {
    return text
      .split(/\s+/)
      .map((word) => Array.from(word.replace(/^[.'’-]+/, ""))[0] ?? "")
      .filter(Boolean)
      .map((initial) => `${initial}***`)
      .join(" ");
  }
  const chars = Array.from(text.replace(/\s+/g, ""));
  if (chars.length === 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * Addresses: the opening third is kept (province and city, at most 6 characters), the rest is
 * a fixed `****`, so neither the street nor the length shows: `上海市浦东新区测试路 1 号` →
 * `上海市浦东****`. Fewer than 4 characters: {@link REDACTED}.
 */
export function maskAddress(value: MaskInput): string {
  const chars = Array.from(value === null || value === undefined ? "" : String(value).trim().replace(/\s+/g, " "));
  if (chars.length < 4) return REDACTED;
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 3))).join("").trimEnd() + REDACTED;
}

// ID-shaped: region digit 1–8, plausible yyyyMMdd, sequence, check digit. Checked before
// cards so an 18-digit ID gets the ID mask rather than the card mask.
const ID_BODY = String.raw`[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]`;
// Any 16–19 digit run is treated as a card (Luhn is not required: over-masking is safe).
const CARD_BODY = String.raw`\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?`;
const MOBILE_BODY = String.raw`1[3-9]\d(?:[ -]?\d{4}){2}`;
// The look-arounds stop a match inside a longer token: a 13-digit epoch-ms timestamp such as
// 1700000000000 must not lose 11 of its digits to the mobile pattern, and a hex id or hash
// (file ids, signatures) that happens to hold a long digit run is not a card number.
const PII_IN_TEXT = new RegExp(
  String.raw`(?<![0-9A-Za-z])(?:(?<id>${ID_BODY})|(?<card>${CARD_BODY})|(?<mobile>${MOBILE_BODY}))(?![0-9A-Za-z])`,
  "g",
);

const THREE_DIGITS = /\d{3}/;

/**
 * Mask ID numbers, bank cards and mobiles inside free text (log lines, raw bodies).
 * A bare JSON number (`"mobile":16612342002`) becomes invalid JSON after masking; use
 * {@link maskPiiInJson} for bodies that should stay parseable.
 */
export function maskPiiInText(text: string): string {
  if (typeof text !== "string" || !text) return typeof text === "string" ? text : "";
  // Every pattern above starts with at least three digits in a row: without them, nothing to mask.
  if (!THREE_DIGITS.test(text)) return text;
  return text.replace(PII_IN_TEXT, (match, ...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    if (groups.id) return maskIdNumber(match);
    if (groups.card) return maskBankCard(match);
    return maskMobile(match);
  });
}

export type PiiMaskKind = "id" | "mobile" | "card" | "name" | "address";

const MASKERS: Record<PiiMaskKind, (value: MaskInput) => string> = {
  id: maskIdNumber,
  mobile: maskMobile,
  card: maskBankCard,
  name: maskName,
  address: maskAddress,
};

// Keys are compared case-insensitively without `_`/`-`, so idNum, id_num and ID-NUM agree.
const DEFAULT_KEYS: Record<string, PiiMaskKind> = {
  idnum: "id", idcard: "id", idno: "id", idnumber: "id", idcardno: "id", certno: "id",
  mobile: "mobile", mobileno: "mobile", phone: "mobile", phoneno: "mobile",
  phonenumber: "mobile", tel: "mobile", telephone: "mobile",
  bankcard: "card", bankcardno: "card", cardno: "card", cardnumber: "card",
  customername: "name", name: "name", realname: "name", custname: "name", cardusername: "name",
  name1: "name", name2: "name", legalpersonname: "name",
  address: "address", useraddress: "address", companyaddress: "address", birthplace: "address",
};

const DEFAULT_KEY_MAP: ReadonlyMap<string, PiiMaskKind> = new Map(Object.entries(DEFAULT_KEYS));

function normalizeKey(key: string): string {
  const lower = key.toLowerCase();
  return lower.includes("_") || lower.includes("-") ? lower.replace(/[_-]/g, "") : lower;
}

export interface MaskObjectOptions {
  /** Extra (or overriding) keys, e.g. `{ borrowerTel: "mobile" }`. */
  keys?: Record<string, PiiMaskKind>;
}

const MAX_DEPTH = 64;

/** {@link maskPiiInObject}'s walk, at module level (not a closure made per call: this runs on every callback). */
function walkMasked(v: unknown, kind: PiiMaskKind | undefined, depth: number, keys: ReadonlyMap<string, PiiMaskKind>, ancestors: Set<object>): unknown {
  if (typeof v === "string" || typeof v === "number" || typeof v === "bigint") {
    if (kind) return MASKERS[kind](v);
    if (typeof v === "string") return maskPiiInText(v);
    const masked = maskPiiInText(String(v));
    return masked === String(v) ? v : masked;
  }
  if (v === null || typeof v !== "object" || v instanceof Date) return v;
  if (ancestors.has(v)) return "[Circular]";
  if (depth >= MAX_DEPTH) return "[Truncated]";
  ancestors.add(v);
  try {
    if (Array.isArray(v)) return v.map((item) => walkMasked(item, kind, depth + 1, keys, ancestors));
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) {
      out[k] = walkMasked(item, keys.get(normalizeKey(k)), depth + 1, keys, ancestors);
    }
    return out;
  } finally {
    ancestors.delete(v);
  }
}

/**
 * Deep copy of a JSON-like value with personal data masked: values under known keys get
 * that key's mask (arrays under such a key mask each element), every other string goes
 * through {@link maskPiiInText}. Numbers that carry PII become masked strings. Note that
 * a generic `name` key is masked too; over-masking is the safe side in logs.
 */
export function maskPiiInObject(value: unknown, options: MaskObjectOptions = {}): unknown {
  let keys = DEFAULT_KEY_MAP;
  if (options.keys) {
    const extended = new Map(DEFAULT_KEY_MAP);
    for (const [k, kind] of Object.entries(options.keys)) extended.set(normalizeKey(k), kind);
    keys = extended;
  }
  return walkMasked(value, undefined, 0, keys, new Set<object>());
}

/**
 * Mask a raw JSON body and keep it valid JSON (callback inbox, request logs). Text that
 * is not JSON falls back to {@link maskPiiInText}, so the result is always safe to store.
 */
export function maskPiiInJson(body: string, options: MaskObjectOptions = {}): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return maskPiiInText(body);
  }
  return JSON.stringify(maskPiiInObject(parsed, options));
}
