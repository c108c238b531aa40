import { describe, expect, it } from "vitest";
import { citiesOf, describeArea, districtCodes, provinces, regionName } from "./index";

describe("regions", () => {
  it("110101 → 北京市东城区 (the issue's example; 市辖区 left out)", () => {
    expect(describeArea("110101")).toBe("北京市东城区");
  });
  it("a province's city and district", () => {
    expect(describeArea("440305")).toBe("广东省深圳市南山区");
    expect(describeArea("440300")).toBe("广东省深圳市");
    expect(describeArea("440000")).toBe("广东省");
  });
  it("unknown or malformed codes are null (shown as they are by the caller)", () => {
    expect(describeArea("10000")).toBeNull();
    expect(describeArea("999999")).toBeNull();
    expect(describeArea(null)).toBeNull();
    expect(regionName("110000")).toBe("北京市");
  });
  it("covers every province and thousands of districts", () => {
    expect(provinces().length).toBeGreaterThanOrEqual(31);
    expect(districtCodes().length).toBeGreaterThan(2500);
    expect(citiesOf("440000").map((c) => c.name)).toContain("深圳市");
  });
});
