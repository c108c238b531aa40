import { isUtf8 } from "node:buffer";
import type { CheckFileType } from "./checkfile/columns";
import { CheckFileError } from "./checkfile/errors";
import { type CheckRecord, type HeaderMap, MAX_LINE_CHARS, type ParseOptions, readHeader, readRecord, stripBom } from "./checkfile/parse";

/**
 * A check file straight to the staging table's COPY text (stage.ts), bytes in, bytes out.
 *
 * The string parser (checkfile/parse.ts) makes a dozen strings, an array and a record of every
 * line; for a million lines that, the COPY text built from them and the garbage they leave were
 * most of the staging time, and Node — not PostgreSQL — was the slower side of the COPY. Here a
 * plain line (printable ASCII, nothing to trim or escape, every value well-formed) is checked and
 * written where it lies in the chunk's bytes. Any other line — a refusal, a value with spaces
 * around it, a backslash, a character beyond ASCII — is decoded and read by parse.ts's
 * readRecord, which refuses it with its line and column or returns its record: every refusal
 * comes from that one place. The file's framing follows parseCheckFile step for step (UTF-8
 * checked chunk by chunk, the header line, CRLF, blank lines, a line too long, the last line cut
 * short), so a file is refused the same way by both. copy-lines.test.ts compares the two on
 * generated files, byte for byte.
 *
 * One COPY line: k, detail_no, line_no, platform_user_no, amount, fee, frozen, status, rep
 * (createStageTable's columns); `rep`: the key may have been seen before in the file.
 */
export type KeySeen = { add(key: string): boolean; addAscii(bytes: Uint8Array, from: number, to: number, prefix: string): boolean };

/** The COPY line of a record read by the string parser (the reference the fast path matches). */
export function copyLineOf(r: CheckRecord, fileType: CheckFileType, seen: KeySeen): string {
  const k = fileType === "BALANCE" ? r.platformUserNo : fileType === "TRANSACTION" && r.kind === "UNFREEZE" ? unfreezeKey(r.requestNo) : r.requestNo;
  return `${esc(k)}\t${esc(r.detailNo)}\t${r.lineNo}\t${esc(r.platformUserNo)}\t${r.amount}\t${r.fee}\t${r.frozen}\t${esc(r.status)}\t${seen.add(k) ? "t" : "f"}\n`;
}

/**
 * UNFREEZE has no requestNo on the wire (§2.22): the custody side reports it under the freeze's
 * requestNo, our request log under `UNFREEZE-<freeze requestNo>` (lib/custody/service.ts).
 */
export function unfreezeKey(requestNo: string): string {
  return requestNo.startsWith(UNFREEZE_PREFIX) ? requestNo : `${UNFREEZE_PREFIX}${requestNo}`;
}
const UNFREEZE_PREFIX = "UNFREEZE-";

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** COPY text format: backslash, tab and line ends are escaped; everything else is literal. */
function esc(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * The sums of the amounts of a file's records as staged, in fen: the match counts a file's exact
 * matches as all of its lines less the others (match.ts), without reading the staged rows again.
 * Exact while below 2^53: every amount is a whole number of fen ≥ 0, so no partial sum is
 * larger than the last.
 */
export class StagedSums {
  amount = 0;
  fee = 0;
  frozen = 0;

  add(amount: number, fee: number, frozen: number): void {
    this.amount += amount;
    this.fee += fee;
    this.frozen += frozen;
  }

  get exact(): boolean {
    return Number.isSafeInteger(this.amount) && Number.isSafeInteger(this.fee) && Number.isSafeInteger(this.frozen);
  }
}

/**
 * Yields the COPY text of the file's records, a buffer per chunk read, and the lines so far;
 * adds every record's amounts to `sums`.
 */
export async function* copyLines(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: ParseOptions,
  seen: KeySeen,
  sums: StagedSums = new StagedSums(),
): AsyncGenerator<{ text: Uint8Array; lines: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const utf8 = new TextDecoder("utf-8");
  const ft = opts.fileType;
  let rest: Uint8Array = new Uint8Array(0);
  let lineNo = 0;
  let records = 0;
  let header: HeaderMap | null = null;
  let fast: FastLine | null = null;
  // The decoder may hold the start of a character cut at the last chunk's end.
  let pending = false;
  for await (const chunk of source) {
    // As parseCheckFile: the whole chunk is checked as UTF-8 before any of its lines is read.
    // A chunk that is valid on its own, with nothing pending, needs no decoding (isUtf8 makes no
    // string); otherwise the streaming decoder reads it, and may then hold a cut character
    // unless the chunk ended in ASCII.
    if (pending || !isUtf8(chunk)) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        throw new CheckFileError("encoding", ft, lineNo + 1, null, "the file is not valid UTF-8");
      }
      if (chunk.length > 0) pending = chunk[chunk.length - 1]! >= 0x80;
    }
    const data = rest.length === 0 ? chunk : concat(rest, chunk);
    let out = Buffer.allocUnsafe(data.length * 2 + 256);
    let o = 0;
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      const end = nl > start && data[nl - 1] === 13 ? nl - 1 : nl;
      lineNo++;
      const from = start;
      start = nl + 1;
      if (header === null) {
        const line = utf8.decode(data.subarray(from, end));
        header = readHeader(lineNo === 1 ? stripBom(line) : line, ft);
        fast = new FastLine(header, opts, seen, sums);
        continue;
      }
      if (end === from) continue; // a blank line is tolerated, never a record
      records++;
      // Room for the longest line this one can become (fen have fewer digits than yuan text).
      if (o + (end - from) * 2 + 64 > out.length) {
        yield { text: out.subarray(0, o), lines: records - 1 };
        out = Buffer.allocUnsafe(Math.max(data.length * 2, (end - from) * 8) + 256);
        o = 0;
      }
      const written = fast!.write(data, from, end, lineNo, out, o);
      if (written >= 0) o = written;
      else {
        const record = readRecord(utf8.decode(data.subarray(from, end)), lineNo, header, opts);
        sums.add(record.amount, record.fee, record.frozen);
        const text = copyLineOf(record, ft, seen);
        if (o + Buffer.byteLength(text) > out.length) {
          yield { text: out.subarray(0, o), lines: records - 1 };
          out = Buffer.allocUnsafe(Buffer.byteLength(text) + data.length * 2 + 256);
          o = 0;
        }
        o += out.write(text, o);
      }
    }
    rest = data.subarray(start);
    // In characters, as parseCheckFile counts them (a character cut at the chunk's end not yet).
    if (rest.length > MAX_LINE_CHARS && new TextDecoder("utf-8").decode(rest, { stream: true }).length > MAX_LINE_CHARS) {
      throw new CheckFileError("field_count", ft, lineNo + 1, null, `a line longer than ${MAX_LINE_CHARS} characters`);
    }
    if (o > 0) yield { text: out.subarray(0, o), lines: records };
  }
  try {
    decoder.decode();
  } catch {
    throw new CheckFileError("encoding", ft, lineNo + 1, null, "the file ends inside a UTF-8 character");
  }
  if (rest.length > 0) throw new CheckFileError("truncated", ft, lineNo + 1, null, "the last line has no line end: the file was cut short");
  if (header === null) throw new CheckFileError("empty", ft, 1, null, "the file has no header line");
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a, 0);
  c.set(b, a.length);
  return c;
}

const SPACE = 32;
const PIPE = 124;
const BACKSLASH = 92;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SUCCESS = ascii("SUCCESS");

/**
 * The plain line's checks and COPY line, on bytes. write() answers the new end of `out`, or -1
 * when the line is not plain (or is refused): the caller then reads it with readRecord.
 */
class FastLine {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly platformNo: Uint8Array;
  private readonly fileDate: Uint8Array;
  private readonly plainPlatform: boolean;

  constructor(
    private readonly h: HeaderMap,
    private readonly opts: ParseOptions,
    private readonly seen: KeySeen,
    private readonly sums: StagedSums,
  ) {
    this.starts = new Int32Array(h.count);
    this.ends = new Int32Array(h.count);
    this.platformNo = ascii(opts.platformNo);
    this.fileDate = ascii(opts.fileDate);
    // A platformNo or date beyond plain ASCII is left to the string parser altogether.
    this.plainPlatform = /^[\x21-\x7e]*$/.test(opts.platformNo) && /^[\x21-\x7e]*$/.test(opts.fileDate) && !opts.platformNo.includes("\\");
  }

  write(d: Uint8Array, from: number, to: number, lineNo: number, out: Buffer, o: number): number {
    const { h, starts, ends } = this;
    if (!this.plainPlatform) return -1;
    // Fields, and the line plain: printable ASCII, no backslash (COPY would need it escaped).
    let n = 0;
    starts[0] = from;
    for (let i = from; i < to; i++) {
      const c = d[i]!;
      if (c === PIPE) {
        if (n + 1 >= h.count) return -1;
        ends[n] = i;
        n++;
        starts[n] = i + 1;
      } else if (c < SPACE || c > 126 || c === BACKSLASH) return -1;
    }
    ends[n] = to;
    if (n + 1 !== h.count) return -1;
    for (let c = 0; c < h.specs.length; c++) {
      const s = h.specs[c]!;
      const i = h.specIndex[c]!;
      if (i < 0) {
        if (s.required) return -1;
        continue;
      }
      const a = starts[i]!;
      const b = ends[i]!;
      if (a === b) {
        if (s.required) return -1;
        continue;
      }
      if (d[a] === SPACE || d[b - 1] === SPACE) return -1; // to be trimmed
      if (s.kind === "T" ? !isTimeAt(d, a, b) : s.kind === "D" ? !(b - a === 8 && isDateAt(d, a)) : false) return -1;
    }
    if (!this.equals(d, h.platformNo, this.platformNo)) return -1;
    const amount = this.fen(d, h.amount);
    const fee = this.fen(d, h.fee);
    const frozen = this.fen(d, h.frozen);
    if (amount < 0 || fee < 0 || frozen < 0) return -1;
    const ft = this.opts.fileType;
    if (ft === "BALANCE") {
      if (amount !== fee + frozen) return -1;
      const bd = h.balanceDate;
      if (bd >= 0 && starts[bd] !== ends[bd] && !this.equals(d, bd, this.fileDate)) return -1;
    } else {
      const t = h.transactionTime;
      if (t < 0 || ends[t]! - starts[t]! < this.fileDate.length || !startsWith(d, starts[t]!, this.fileDate)) return -1;
    }
    // The key, as copyLineOf makes it.
    let kField: number;
    let prefix = "";
    let user = h.platformUserNo >= 0 && starts[h.platformUserNo] !== ends[h.platformUserNo] ? h.platformUserNo : h.sourcePlatformUserNo;
    if (user >= 0 && starts[user] === ends[user]) user = -1;
    if (ft === "BALANCE") kField = user;
    else {
      kField = h.requestNo;
      if (ft === "TRANSACTION" && this.is(d, h.kind, "UNFREEZE") && !(kField >= 0 && startsWithText(d, starts[kField]!, ends[kField]!, UNFREEZE_PREFIX))) prefix = UNFREEZE_PREFIX;
    }
    const ka = kField >= 0 ? starts[kField]! : 0;
    const kb = kField >= 0 ? ends[kField]! : 0;
    for (let i = 0; i < prefix.length; i++) out[o++] = prefix.charCodeAt(i);
    o = copy(d, ka, kb, out, o);
    out[o++] = 9;
    o = h.detailNo >= 0 ? copy(d, starts[h.detailNo]!, ends[h.detailNo]!, out, o) : o;
    out[o++] = 9;
    o = digits(lineNo, out, o);
    out[o++] = 9;
    o = user >= 0 ? copy(d, starts[user]!, ends[user]!, out, o) : o;
    out[o++] = 9;
    o = digits(amount, out, o);
    out[o++] = 9;
    o = digits(fee, out, o);
    out[o++] = 9;
    o = digits(frozen, out, o);
    out[o++] = 9;
    const st = h.status;
    if (ft !== "PROJECT" && st >= 0 && starts[st] !== ends[st]) o = copy(d, starts[st]!, ends[st]!, out, o);
    else for (let i = 0; i < SUCCESS.length; i++) out[o++] = SUCCESS[i]!;
    out[o++] = 9;
    out[o++] = this.seen.addAscii(d, ka, kb, prefix) ? 116 : 102; // t / f
    out[o++] = 10;
    this.sums.add(amount, fee, frozen);
    return o;
  }

  /** Field i equals `v` exactly. */
  private equals(d: Uint8Array, i: number, v: Uint8Array): boolean {
    if (i < 0) return v.length === 0;
    const a = this.starts[i]!;
    return this.ends[i]! - a === v.length && startsWith(d, a, v);
  }

  private is(d: Uint8Array, i: number, text: string): boolean {
    return i >= 0 && this.ends[i]! - this.starts[i]! === text.length && startsWithText(d, this.starts[i]!, this.ends[i]!, text);
  }

  /** Field i in fen as yuanToFen reads it; 0 when absent or empty; -1 where yuanToFen refuses. */
  private fen(d: Uint8Array, i: number): number {
    if (i < 0) return 0;
    const from = this.starts[i]!;
    const to = this.ends[i]!;
    if (from === to) return 0;
    let whole = 0;
    let k = from;
    for (; k < to; k++) {
      const c = d[k]! - 48;
      if (c < 0 || c > 9) break;
      whole = whole * 10 + c;
    }
    const wholeDigits = k - from;
    let frac = 0;
    let fracDigits = 0;
    if (k < to && d[k] === 46) {
      for (k++; k < to; k++) {
        const c = d[k]! - 48;
        if (c < 0 || c > 9) break;
        frac = frac * 10 + c;
        fracDigits++;
      }
      if (fracDigits === 0) return -1;
    }
    if (wholeDigits < 1 || wholeDigits > 10 || fracDigits > 2 || k !== to || whole >= 1_000_000_000) return -1;
    return whole * 100 + (fracDigits === 1 ? frac * 10 : frac);
  }
}

function startsWith(d: Uint8Array, at: number, v: Uint8Array): boolean {
  for (let i = 0; i < v.length; i++) if (d[at + i] !== v[i]) return false;
  return true;
}

function startsWithText(d: Uint8Array, from: number, to: number, text: string): boolean {
  if (to - from < text.length) return false;
  for (let i = 0; i < text.length; i++) if (d[from + i] !== text.charCodeAt(i)) return false;
  return true;
}

function copy(d: Uint8Array, from: number, to: number, out: Buffer, o: number): number {
  for (let i = from; i < to; i++) out[o++] = d[i]!;
  return o;
}

/** A whole number ≥ 0 as decimal digits, written from the last (no reversing). */
function digits(v: number, out: Buffer, o: number): number {
  let n = 1;
  for (let p = 10; p <= v; p *= 10) n++;
  let i = o + n;
  // Above 2^31 by floating-point division; below, as 32-bit integers (a multiply, not a divide).
  while (v > 0x7fffffff) {
    const q = Math.floor(v / 10);
    out[--i] = 48 + (v - q * 10);
    v = q;
  }
  let x = v | 0;
  do {
    const q = (x / 10) | 0;
    out[--i] = 48 + (x - q * 10);
    x = q;
  } while (x > 0);
  return o + n;
}

function num(d: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = d[i]! - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isDateAt(d: Uint8Array, at: number): boolean {
  const y = num(d, at, at + 4);
  const mo = num(d, at + 4, at + 6);
  const day = num(d, at + 6, at + 8);
  if (y < 0 || mo < 1 || mo > 12 || day < 1 || day > DAYS[mo - 1]!) return false;
  return mo !== 2 || day < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

function isTimeAt(d: Uint8Array, from: number, to: number): boolean {
  if (to - from !== 14 || !isDateAt(d, from)) return false;
  const hh = num(d, from + 8, from + 10);
  const mi = num(d, from + 10, from + 12);
  const s = num(d, from + 12, from + 14);
  return hh >= 0 && hh < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60;
}
