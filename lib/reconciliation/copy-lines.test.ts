import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECK_FILE_COLUMNS, CHECK_FILE_TYPES, type CheckFileType } from "./checkfile/columns";
import { CheckFileError } from "./checkfile/errors";
import { parseCheckFile, type ParseOptions } from "./checkfile/parse";
import { copyLineOf, copyLines } from "./copy-lines";
import { KeyFilter } from "./stage";

/**
 * copyLines (bytes → COPY text, plain lines on a fast path) against the string parser plus
 * copyLineOf, on generated files: the same COPY text byte for byte, or the same refusal (problem,
 * line, column). The files mix plain lines with every kind of line the fast path hands over:
 * values with spaces, backslashes, tabs, characters beyond ASCII, bad amounts and times, another
 * platform or day, missing values, wrong field counts, CRLF, blank lines, a BOM, UNFREEZE keys,
 * repeated keys; chunk boundaries fall anywhere, inside a character too.
 */
const PLATFORM = "P001";
const DATE = "20261130";

async function reference(chunks: Uint8Array[], opts: ParseOptions): Promise<string> {
  const seen = new KeyFilter();
  let text = "";
  for await (const batch of parseCheckFile(chunks, opts)) for (const r of batch) text += copyLineOf(r, opts.fileType, seen);
  return text;
}

async function fast(chunks: Uint8Array[], opts: ParseOptions): Promise<string> {
  const seen = new KeyFilter();
  const parts: Buffer[] = [];
  for await (const c of copyLines(chunks, opts, seen)) parts.push(Buffer.from(c.text));
  return Buffer.concat(parts).toString("utf8");
}

async function outcome(f: (c: Uint8Array[], o: ParseOptions) => Promise<string>, chunks: Uint8Array[], opts: ParseOptions) {
  try {
    return { text: await f(chunks, opts) };
  } catch (e) {
    if (!(e instanceof CheckFileError)) throw e;
    return { problem: e.problem, line: e.line, column: e.column, message: e.message };
  }
}

/** A value for a column: mostly plain and valid, sometimes each kind of trouble. */
function value(name: string, kind: string, mode: number): fc.Arbitrary<string> {
  const plain =
    kind === "A"
      ? fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`), fc.constant("0.5"))
      : kind === "T"
        ? fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${DATE}${String(h).padStart(2, "0")}${String(m).padStart(2, "0")}00`)
        : kind === "D"
          ? fc.constant(DATE)
          : name === "platformNo"
            ? fc.constant(PLATFORM)
            : name === "status"
              ? fc.constantFrom("SUCCESS", "FAIL", "INIT", "")
              : name === "tradeType"
                ? fc.constantFrom("CONFIRM_LOAN", "UNFREEZE", "FREEZE")
                : name === "requestNo" || name === "platformUserNo"
                  ? fc.constantFrom("R1", "R2", "UNFREEZE-R3", "R4", "U1", "")
                  : fc.constantFrom("x", "", "D1", "D2");
  // Mode 0: plain values only; 1: values the fast path hands over but the parser accepts
  // (spaces to trim, a backslash, a tab, characters beyond ASCII — text columns only); 2: anything.
  if (mode === 0 || (mode === 1 && kind !== "S") || (mode === 1 && name === "platformNo")) return plain;
  const harmless = fc.constantFrom(" R1", "R1 ", "a\\b", "a\tb", "申请", "\u00a0x");
  const trouble = fc.constantFrom(" R1", "R1 ", "a\\b", "a\tb", "申请", "1.234", "-1", "1e3", "20261131000000", "20261201000000", "P999", "", "  ", "\u00a0x", "9999999999.00", "1000000000");
  return fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: mode === 1 ? harmless : trouble });
}

type Corruption = { at: number; bytes: readonly number[] } | null;

function file(fileType: CheckFileType): fc.Arbitrary<{ text: string; cuts: number[]; corrupt: Corruption }> {
  return fc.integer({ min: 0, max: 2 }).chain((mode) => fileOf(fileType, mode));
}

function fileOf(fileType: CheckFileType, mode: number): fc.Arbitrary<{ text: string; cuts: number[]; corrupt: Corruption }> {
  const specs = CHECK_FILE_COLUMNS[fileType];
  const line = fc.tuple(...specs.map((s) => value(s.name, s.kind, mode))).map((vs) => vs.join("|"));
  const odd = mode === 2 ? fc.constantFrom("", "a|b", `${PLATFORM}|x`) : fc.constant("");
  const anyLine = fc.oneof({ weight: 20, arbitrary: line }, { weight: 1, arbitrary: odd });
  return fc
    .record({
      bom: fc.boolean(),
      crlf: fc.boolean(),
      lines: fc.array(anyLine, { maxLength: 25 }),
      cutShort: fc.integer({ min: mode === 2 ? 0 : 1, max: 20 }),
      cuts: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 6 }),
      // Mode 2: now and then bytes that are not UTF-8 (a stray byte, a lone continuation byte,
      // an overlong or surrogate sequence, a character cut short) somewhere in the file.
      corrupt:
        mode === 2
          ? fc.option(fc.record({ at: fc.nat(), bytes: fc.constantFrom([0xff], [0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xe4, 0xb8]) }), { freq: 4 })
          : fc.constant(null),
    })
    .map(({ bom, crlf, lines, cutShort, cuts, corrupt }) => {
      const end = crlf ? "\r\n" : "\n";
      let text = (bom ? "\uFEFF" : "") + specs.map((s) => s.name).join("|") + end + lines.map((l) => l + end).join("");
      if (cutShort === 0) text = text.slice(0, -1); // the last line without its line end
      return { text, cuts, corrupt };
    });
}

function chunked(text: string, cuts: number[], corrupt: Corruption = null): Uint8Array[] {
  let bytes = Buffer.from(text);
  if (corrupt) {
    const at = corrupt.at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(corrupt.bytes), bytes.subarray(at)]);
  }
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of at) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}

describe("check file → COPY text on bytes", () => {
  for (const fileType of CHECK_FILE_TYPES) {
    it(`${fileType}: the same COPY text or the same refusal as the string parser`, async () => {
      const opts: ParseOptions = { fileType, fileDate: DATE, platformNo: PLATFORM };
      await fc.assert(
        fc.asyncProperty(file(fileType), async ({ text, cuts, corrupt }) => {
          const chunks = chunked(text, cuts, corrupt);
          expect(await outcome(fast, chunks, opts)).toEqual(await outcome(reference, chunks, opts));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("refuses a character cut at a chunk's end and never completed where the string parser does", async () => {
    const opts: ParseOptions = { fileType: "RECHARGE", fileDate: DATE, platformNo: PLATFORM };
    const header = CHECK_FILE_COLUMNS.RECHARGE.map((c) => c.name).join("|") + "\n";
    const chunks = [Buffer.from(header), Buffer.concat([Buffer.from("P001|R1"), Buffer.from([0xe4, 0xb8])]), Buffer.from("|x\nP001|R2\n"), Buffer.from("P001|R3\n")];
    const got = await outcome(fast, chunks, opts);
    expect(got).toMatchObject({ problem: "encoding" });
    expect(got).toEqual(await outcome(reference, chunks, opts));
  });

  it("takes the fast path for plain lines (UNFREEZE keys and repeats included)", async () => {
    const opts: ParseOptions = { fileType: "TRANSACTION", fileDate: DATE, platformNo: PLATFORM };
    const text =
      "platformNo|requestNo|detailNo|tradeType|projectNo|sourcePlatformUserNo|targetPlatformUserNo|amount|commission|status|transactionTime\n" +
      "P001|F1||UNFREEZE||U1||12.30|0.01|SUCCESS|20261130101010\n" +
      "P001|F1||FREEZE||U1||12.30||INIT|20261130101010\n";
    const chunks = [Buffer.from(text)];
    expect(await fast(chunks, opts)).toBe("UNFREEZE-F1\t\t2\tU1\t1230\t1\t0\tSUCCESS\tf\nF1\t\t3\tU1\t1230\t0\t0\tINIT\tf\n");
    expect(await fast(chunks, opts)).toBe(await reference(chunks, opts));
  });
});
