import { describe, expect, it } from "vitest";
import { outcomeFor, PLATFORM_CATALOGUE } from "./outcome";
import { idWithDigits, seededRng } from "./test-helpers";

const rng = seededRng(1643);

/** The table in docs/sandbox-wanwang.md, 17th digit → level and pretrialStatus. */
const TABLE: Array<[number, string, 0 | 1]> = [
  [0, "A", 1], [1, "A", 1], [2, "B", 1], [3, "B", 1], [4, "C", 1],
  [5, "C", 1], [6, "C", 0], [7, "D", 0], [8, "D", 0], [9, "D", 0],
];

describe("wanwang sandbox: deterministic outcomes", () => {
  it.each(TABLE)("17th digit %i → level %s, pretrialStatus %i", (d17, level, status) => {
    const outcome = outcomeFor(idWithDigits(rng, 0, 0, d17));
    expect(outcome.customerLevel).toBe(level);
    expect(outcome.pretrialStatus).toBe(status);
    if (status === 1) {
      expect(outcome.platformData.length).toBeGreaterThanOrEqual(2);
      expect(outcome.platformData.length).toBeLessThanOrEqual(6);
      for (const entry of outcome.platformData) expect(PLATFORM_CATALOGUE).toContainEqual(entry);
    } else {
      expect(outcome.platformData).toEqual([]);
    }
  });

  it("matches the examples in docs/sandbox-wanwang.md", () => {
    expect(outcomeFor("110101199001010007")).toMatchObject({ customerLevel: "A", pretrialStatus: 1, personReportFormat: "json" });
    expect(outcomeFor("110101199001013101")).toMatchObject({
      customerLevel: "A",
      personReportFormat: "java-map",
      flags: { court: true, dishonesty: true, exposurePlatform: false, closeCase: false },
    });
    expect(outcomeFor("11010119900101004X")).toMatchObject({ customerLevel: "C", pretrialStatus: 1 });
    expect(outcomeFor("110101199001010066")).toMatchObject({ customerLevel: "C", pretrialStatus: 0, platformData: [] });
    expect(outcomeFor("110101199001010074")).toMatchObject({ customerLevel: "D", pretrialStatus: 0 });
  });

  it("is the same for the same ID number", () => {
    const id = idWithDigits(rng, 3, 1, 4);
    expect(outcomeFor(id)).toEqual(outcomeFor(id));
  });

  it("writes personReport as JSON for an even 16th digit, in the document's key order", () => {
    const outcome = outcomeFor(idWithDigits(rng, 0, 2, 8));
    expect(outcome.personReportFormat).toBe("json");
    expect(outcome.personReport).toBe(
      '{"prequalificationResult":"不通过","desc":"次","cardFinalLevel":"D1","pricingProduct":"普惠","pricingProductDesc":"普惠(D1)","otherInfo":{"court":"否","dishonesty":"否","exposurePlatform":"否","closeCase":"否"}}',
    );
    expect(JSON.parse(outcomeFor(idWithDigits(rng, 0, 4, 4)).personReport)).toMatchObject({ prequalificationResult: "通过", desc: "中", cardFinalLevel: "C1" });
  });

  it("writes personReport as Java Map.toString for an odd 16th digit, like the document", () => {
    // 15th digit 3 = court + dishonesty: the document's example flags.
    const outcome = outcomeFor(idWithDigits(rng, 3, 1, 0));
    expect(outcome.personReportFormat).toBe("java-map");
    expect(outcome.personReport).toBe("{otherInfo={dishonesty=是, exposurePlatform=否, court=是, closeCase=否}, prequalificationResult=通过, desc=优}");
  });

  it.each([
    [0, { court: false, dishonesty: false, exposurePlatform: false, closeCase: false }],
    [1, { court: true, dishonesty: false, exposurePlatform: false, closeCase: false }],
    [2, { court: false, dishonesty: true, exposurePlatform: false, closeCase: false }],
    [4, { court: false, dishonesty: false, exposurePlatform: true, closeCase: false }],
    [8, { court: false, dishonesty: false, exposurePlatform: false, closeCase: true }],
    [7, { court: true, dishonesty: true, exposurePlatform: true, closeCase: false }],
  ])("15th digit %i sets the flags as bits", (d15, flags) => {
    expect(outcomeFor(idWithDigits(rng, d15, 0, 0)).flags).toEqual(flags);
  });
});
