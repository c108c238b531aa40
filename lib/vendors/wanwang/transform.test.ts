import { describe, expect, it } from "vitest";
import { PERSON_REPORT_JSON, PERSON_REPORT_MAP, PRETRIAL_RESULT_CALLBACK, RESULT_QUERY_ANSWER } from "./fixtures";
import { parseJavaMapString } from "./java-map";
import { parsePersonReport, signedTypeLabel, toPlatformList } from "./transform";

describe("parsePersonReport", () => {
  it("reads the document's Java Map.toString() report", () => {
    const r = parsePersonReport(PERSON_REPORT_MAP);
    expect(r.format).toBe("map");
    expect(r.raw).toBe(PERSON_REPORT_MAP);
    expect(r.flags).toEqual({ dishonesty: true, exposurePlatform: false, court: true, closeCase: false });
    expect(r.prequalificationResult).toBe("通过");
    expect(r.desc).toBe("优");
    expect(r.cardFinalLevel).toBeUndefined();
    expect(r.fields).toEqual({
      otherInfo: { dishonesty: "是", exposurePlatform: "否", court: "是", closeCase: "否" },
      prequalificationResult: "通过",
      desc: "优",
    });
  });

  it("reads the document's JSON report", () => {
    const r = parsePersonReport(PERSON_REPORT_JSON);
    expect(r.format).toBe("json");
    expect(r.flags).toEqual({ dishonesty: false, exposurePlatform: false, court: false, closeCase: false });
    expect(r).toMatchObject({
      prequalificationResult: "通过",
      desc: "次",
      cardFinalLevel: "D1",
      pricingProduct: "畅享",
      pricingProductDesc: "畅享(D1)",
    });
  });

  it("never throws: empty, null and garbage give format unknown with the raw kept", () => {
    for (const raw of [null, undefined, "", "   "]) {
      const r = parsePersonReport(raw);
      expect(r.format).toBe("unknown");
      expect(r.flags).toEqual({ dishonesty: null, exposurePlatform: null, court: null, closeCase: null });
    }
    for (const raw of ["not a report", "{a=1", "{otherInfo={court=是}", "[1, 2]", "{=x}", "{a=1}}", '{"a":'] ) {
      const r = parsePersonReport(raw);
      expect(r.format, raw).toBe("unknown");
      expect(r.raw).toBe(raw);
    }
    expect(parsePersonReport(123 as unknown as string).raw).toBeNull();
  });

  it("values other than 是/否 give null flags; missing otherInfo reads top-level flags", () => {
    expect(parsePersonReport("{otherInfo={court=未知, dishonesty=}}").flags).toEqual({
      dishonesty: null,
      exposurePlatform: null,
      court: null,
      closeCase: null,
    });
    expect(parsePersonReport('{"court":"是","dishonesty":false}').flags).toMatchObject({ court: true, dishonesty: false });
  });

  it("a JSON report encoded twice is still read", () => {
    expect(parsePersonReport(JSON.stringify(PERSON_REPORT_JSON)).pricingProduct).toBe("畅享");
  });

  it("refuses absurdly long input without parsing it", () => {
    expect(parsePersonReport(`{a=${"x".repeat(200_000)}}`).format).toBe("unknown");
  });
});

describe("parseJavaMapString", () => {
  it("nested maps, lists, null and empty containers", () => {
    expect(parseJavaMapString("{a={b={c=1}}, l=[x, {k=v, w=u}, [1, 2]], n=null, e={}, el=[]}")).toEqual({
      a: { b: { c: "1" } },
      l: ["x", { k: "v", w: "u" }, ["1", "2"]],
      n: null,
      e: {},
      el: [],
    });
  });

  it("values may contain '=' and ', ' that does not start a key", () => {
    expect(parseJavaMapString("{url=http://x/?a=1&b=2, note=a, b and c, desc=优}")).toEqual({
      url: "http://x/?a=1&b=2",
      note: "a, b and c",
      desc: "优",
    });
  });

  it("empty values and unusual spacing", () => {
    expect(parseJavaMapString("{ a= , b=2 ,c=3 }")).toEqual({ a: "", b: "2", c: "3" });
  });

  it("not a map", () => {
    expect(parseJavaMapString("a=1")).toBeUndefined();
    expect(parseJavaMapString("{a=1} trailing")).toBeUndefined();
    expect(parseJavaMapString("{a=[1, 2}")).toBeUndefined();
    expect(parseJavaMapString(`${"{a=".repeat(100)}x${"}".repeat(100)}`)).toBeUndefined(); // too deep
  });
});

describe("toPlatformList", () => {
  const platforms = (JSON.parse(RESULT_QUERY_ANSWER) as { data: { platformData: unknown[] } }).data.platformData;

  it("array, JSON string, null", () => {
    expect(toPlatformList(platforms)).toHaveLength(12);
    expect(toPlatformList(JSON.stringify(platforms))[11].platform).toBe("中国工商银行股份有限公司海口江东支行");
    const callback = JSON.parse(PRETRIAL_RESULT_CALLBACK) as { platformData: unknown };
    expect(toPlatformList(callback.platformData).map((p) => p.id)).toEqual(["28", "64"]);
    expect(toPlatformList(null)).toEqual([]);
    expect(toPlatformList("")).toEqual([]);
  });

  it("unreadable input gives an empty list", () => {
    expect(toPlatformList("[{")).toEqual([]);
    expect(toPlatformList([{ id: 1 }])).toEqual([]);
    expect(toPlatformList(42)).toEqual([]);
  });
});

describe("signedTypeLabel", () => {
  it("labels the four documented types", () => {
    expect([0, 1, 2, 3].map(signedTypeLabel)).toEqual([
      "authorization signed",
      "PBOC report requested",
      "PBOC report pulled",
      "big-data result returned",
    ]);
    expect(signedTypeLabel("2")).toBe("PBOC report pulled");
    expect(signedTypeLabel(9)).toBe("unknown (9)");
  });
});
