import { describe, expect, it } from "vitest";
import { DOC_EXAMPLE_ROW } from "./fixtures";
import { parseRiskCaseRow, salvageRiskCaseRow } from "./schemas";
import { fromWireTime, mapLink, splitReferOrders, toVendorData, toWireTime } from "./transform";

describe("risk-case transform", () => {
  it("wire times are Beijing time", () => {
    expect(fromWireTime("2023-05-05 15:30:37")?.toISOString()).toBe("2023-05-05T07:30:37.000Z");
    expect(toWireTime(new Date("2023-05-05T07:30:37.000Z"))).toBe("2023-05-05 15:30:37");
    expect(toWireTime(new Date("2026-11-30T16:00:00.000Z"))).toBe("2026-12-01 00:00:00");
    expect(fromWireTime("2023-02-30 00:00:00")).toBeNull();
    expect(fromWireTime("")).toBeNull();
  });

  it("the document's example row → domain", () => {
    const parsed = parseRiskCaseRow(DOC_EXAMPLE_ROW);
    if (!parsed.ok) throw new Error("fixture must parse");
    const data = toVendorData(parsed.row);
    expect(data.caseNo).toBe("20230505153037394436862808100");
    expect(data.createTime?.toISOString()).toBe("2023-05-05T07:30:37.000Z");
    expect(data.mercCreateTime?.toISOString()).toBe("2019-12-13T03:35:15.000Z");
    expect(data.surveyTime).toBeNull();
    expect(data.cardNo).toBeNull();
    expect(data.flowNodeKey).toBe("SAASSH");
    expect(data.legalPerson).toBe("测试法人");
  });

  it("salvages the readable fields of a flagged record", () => {
    const salvaged = salvageRiskCaseRow({ ...DOC_EXAMPLE_ROW, createTime: "2023/05/05", mercName: 12 });
    expect(salvaged.createTime).toBeUndefined();
    expect(salvaged.mercName).toBe("12");
    expect(salvaged.mercNum).toBe("833163489120001");
    expect(salvageRiskCaseRow(null)).toEqual({});
  });

  it("referOrders split on any separator", () => {
    expect(splitReferOrders("A1,B2，C3; D4")).toEqual(["A1", "B2", "C3", "D4"]);
    expect(splitReferOrders("")).toEqual([]);
    expect(splitReferOrders(null)).toEqual([]);
  });

  it("map link only for real coordinates", () => {
    expect(mapLink("116.397", "39.909")).toContain("mlat=39.909&mlon=116.397");
    expect(mapLink("", "39.9")).toBeNull();
    expect(mapLink("abc", "39.9")).toBeNull();
    expect(mapLink("0", "0")).toBeNull();
    expect(mapLink("200", "39")).toBeNull();
  });
});
