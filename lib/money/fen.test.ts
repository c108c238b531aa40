import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFen,
  fenFromBigInt,
  fenToBigInt,
  formatYuan,
  fromWireYuan,
  MoneyParseError,
  MoneyRangeError,
  parseYuan,
  subFen,
  sumFen,
  toWireYuan,
} from "./fen";

const MAX = Number.MAX_SAFE_INTEGER;
const safeFen = fc.integer({ min: -MAX, max: MAX });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof MoneyParseError ? e.code : `other:${(e as Error).name}`;
  }
  return undefined;
}

describe("parseYuan", () => {
  it.each<[string | number, number]>([
    ["1", 100],
    ["1.5", 150],
    ["1.50", 150],
    ["-0.01", -1],
    ["1,234.56", 123456],
    ["1,234,567", 123456700],
    ["¥12.00", 1200],
    ["￥12.00", 1200],
    ["-¥12.5", -1250],
    ["¥-12.5", -1250],
    [" 12.3 ", 1230],
    ["0.3", 30],
    ["007.10", 710],
    ["-0", 0],
    ["-0.00", 0],
    ["90071992547409.91", MAX],
    [12.3, 1230],
    [0.07, 7],
    [1.1, 110],
    [-0, 0],
    [19.99, 1999],
  ])("%j → %d fen", (input, fen) => {
    expect(Object.is(parseYuan(input), fen)).toBe(true);
  });

  it.each<[string | number, string]>([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "format"],
    ["1e3", "format"],
    ["1.5E-2", "format"],
    ["NaN", "format"],
    ["Infinity", "format"],
    [Number.NaN, "format"],
    [Number.POSITIVE_INFINITY, "format"],
    ["1,23", "format"],
    ["1234,567", "format"],
    [".5", "format"],
    ["5.", "format"],
    ["--1", "format"],
    ["-¥-1", "format"],
    ["+1", "format"],
    ["1.2.3", "format"],
    ["1.005", "precision"],
    ["1.500", "precision"],
    [0.1 + 0.2, "precision"],
    [1e-7, "precision"],
    ["90071992547409.92", "range"],
    ["100000000000000000000", "range"],
    [1e21, "range"],
  ])("%j is rejected with code %s", (input, code) => {
    expect(codeOf(() => parseYuan(input))).toBe(code);
  });

  it("says what is wrong with too many decimals", () => {
    expect(() => parseYuan("1.005")).toThrow(/more than 2 decimals/);
  });

  it("round-trips formatYuan output in every style", () => {
    fc.assert(
      fc.property(safeFen, fc.boolean(), fc.boolean(), (n, symbol, grouping) => {
        expect(parseYuan(formatYuan(n, { symbol, grouping }))).toBe(n);
      }),
    );
  });
});

describe("formatYuan / toWireYuan", () => {
  it.each<[number, string]>([
    [0, "0.00"],
    [1, "0.01"],
    [-1, "-0.01"],
    [10, "0.10"],
    [123456, "1,234.56"],
    [100000000, "1,000,000.00"],
    [-123456789, "-1,234,567.89"],
  ])("%d → %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it("honours symbol and grouping options", () => {
    expect(formatYuan(123456, { symbol: true })).toBe("¥1,234.56");
    expect(formatYuan(-123456, { symbol: true, grouping: false })).toBe("-¥1234.56");
    expect(formatYuan(99999, { grouping: false })).toBe("999.99");
  });

  it("accepts bigint from Prisma", () => {
    expect(formatYuan(123456n)).toBe("1,234.56");
    expect(toWireYuan(-5n)).toBe("-0.05");
  });

  it("refuses non-integer and unsafe amounts", () => {
    expect(() => formatYuan(1.5)).toThrow(MoneyRangeError);
    expect(() => formatYuan(MAX + 1)).toThrow(MoneyRangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(MoneyRangeError);
  });

  it("writes the wire format without grouping", () => {
    expect(toWireYuan(123456)).toBe("1234.56");
    expect(toWireYuan(MAX)).toBe("90071992547409.91");
  });
});

describe("fromWireYuan", () => {
  it.each<[string, number]>([
    ["1234.56", 123456],
    ["12", 1200],
    ["12.5", 1250],
    ["-0.01", -1],
    ["-0.00", 0],
    ["007.00", 700],
  ])("%s → %d", (s, fen) => {
    expect(Object.is(fromWireYuan(s), fen)).toBe(true);
  });

  it.each<[string, string]>([
    ["", "empty"],
    [" 1.00", "format"],
    ["1,234.56", "format"],
    ["¥1.00", "format"],
    ["+1.00", "format"],
    [".5", "format"],
    ["5.", "format"],
    ["1e2", "format"],
    ["1.005", "precision"],
    ["90071992547409.92", "range"],
  ])("%j is rejected with code %s", (s, code) => {
    expect(codeOf(() => fromWireYuan(s))).toBe(code);
  });

  it("round-trips toWireYuan for every safe integer", () => {
    fc.assert(
      fc.property(safeFen, (n) => {
        expect(fromWireYuan(toWireYuan(n))).toBe(n);
      }),
    );
  });
});

describe("arithmetic", () => {
  it("adds, sums and subtracts exactly", () => {
    expect(addFen(10, 20)).toBe(30);
    expect(addFen()).toBe(0);
    expect(sumFen([1, 2, 3, -6])).toBe(0);
    expect(subFen(100, 1)).toBe(99);
  });

  it("allows an intermediate beyond the safe range when the result is in range", () => {
    expect(addFen(MAX, 1, -1)).toBe(MAX);
  });

  it("throws on overflow instead of rounding", () => {
    expect(() => addFen(MAX, 1)).toThrow(MoneyRangeError);
    expect(() => subFen(-MAX, 1)).toThrow(MoneyRangeError);
  });

  it("refuses non-integers", () => {
    expect(() => addFen(0.1, 0.2)).toThrow(MoneyRangeError);
    expect(() => sumFen([1, Number.NaN])).toThrow(/amount #1/);
  });

  it("sum matches bigint arithmetic (property)", () => {
    const small = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(fc.array(small), (xs) => {
        const expected = xs.reduce((acc, x) => acc + BigInt(x), 0n);
        expect(fenToBigInt(sumFen(xs))).toBe(expected);
      }),
    );
  });

  it("converts bigint both ways with range checks", () => {
    expect(fenFromBigInt(123n)).toBe(123);
    expect(Object.is(fenFromBigInt(-0n), 0)).toBe(true);
    expect(fenToBigInt(-5)).toBe(-5n);
    expect(() => fenFromBigInt(BigInt(MAX) + 1n)).toThrow(MoneyRangeError);
    expect(() => fenToBigInt(1.5)).toThrow(MoneyRangeError);
  });
});
