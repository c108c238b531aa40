import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromLanmaoAmount, LanmaoAmountError, MAX_LANMAO_FEN, parseMoveAmount, toLanmaoAmount, ZLanmaoAmountIn } from "./amount";

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof LanmaoAmountError ? e.problem : `other:${String(e)}`;
  }
  return "none";
};

describe("toLanmaoAmount", () => {
  it.each([
    [123450, "1234.50"],
    [1, "0.01"],
    [100, "1.00"],
    [MAX_LANMAO_FEN, "999999999.99"],
  ])("%d fen → %s", (fen, wire) => expect(toLanmaoAmount(fen)).toBe(wire));

  it("refuses zero, negative, fractional fen and one billion yuan", () => {
    expect(problem(() => toLanmaoAmount(0))).toBe("zero");
    expect(toLanmaoAmount(0, { moving: false })).toBe("0.00");
    expect(problem(() => toLanmaoAmount(-1))).toBe("negative");
    expect(problem(() => toLanmaoAmount(1.5))).toBe("format");
    expect(problem(() => toLanmaoAmount(MAX_LANMAO_FEN + 1))).toBe("range");
  });
});

describe("fromLanmaoAmount", () => {
  it.each<[string | number, number]>([
    ["1234.50", 123450],
    ["1234.5", 123450],
    ["12", 1200],
    [12.3, 1230],
    [0.1, 10],
    [1000.07, 100007],
    ["0.00", 0],
    [0, 0],
  ])("%j → %d fen", (wire, fen) => expect(fromLanmaoAmount(wire)).toBe(fen));

  it.each<[string | number, string]>([
    ["1.005", "precision"],
    [1.005, "precision"],
    [0.1 + 0.2, "precision"],
    ["-1.00", "negative"],
    ["1,234.00", "format"],
    ["1e3", "format"],
    ["", "format"],
    ["1000000000.00", "range"],
  ])("%j is refused: %s", (wire, p) => expect(problem(() => fromLanmaoAmount(wire))).toBe(p));

  it("round-trips every amount, as text and as a JSON number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_LANMAO_FEN }), (fen) => {
        const wire = toLanmaoAmount(fen);
        expect(wire).toMatch(/^\d+\.\d{2}$/);
        expect(fromLanmaoAmount(wire)).toBe(fen);
        expect(fromLanmaoAmount(JSON.parse(wire) as number)).toBe(fen);
      }),
    );
  });

  it("zod field reports the problem without the value", () => {
    const r = ZLanmaoAmountIn.safeParse("3.141");
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).not.toContain("3.141");
  });
});

describe("parseMoveAmount", () => {
  it("reads what a person types", () => {
    expect(parseMoveAmount("1,234.5")).toBe(123450);
    expect(parseMoveAmount("¥12")).toBe(1200);
  });
  it.each([
    ["1.234", "precision"],
    ["-5", "negative"],
    ["0", "zero"],
    ["0.00", "zero"],
    ["abc", "format"],
  ])("%s is refused: %s", (input, p) => expect(problem(() => parseMoveAmount(input))).toBe(p));
});
