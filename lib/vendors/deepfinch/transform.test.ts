import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountToFen, countOf, formatReportDate, monthIndex, monthOfIndex, parseReportDate } from "./transform";

describe("amounts as the report prints them", () => {
  it.each([
    ["12,000", 1_200_000],
    ["1,234,567.89", 123_456_789],
    ["0", 0],
    ["300.5", 30_050],
    [" 5,000元 ", 500_000],
  ])("%s → %d fen", (text, fen) => expect(amountToFen(text)).toBe(fen));

  it.each(["", "--", "-", "无", null, undefined, "余额", "12,00", "1.234"])("%s → null", (text) => expect(amountToFen(text)).toBeNull());

  it("any grouped amount reads back to its fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (fen) => {
        const yuan = Math.floor(fen / 100).toLocaleString("en-US");
        const text = `${yuan}.${String(fen % 100).padStart(2, "0")}`;
        expect(amountToFen(text)).toBe(fen);
      }),
    );
  });
});

describe("report dates", () => {
  it.each([
    ["2015.05.05", { year: 2015, month: 5, day: 5 }],
    ["2015年05月05日", { year: 2015, month: 5, day: 5 }],
    ["2015-5-5", { year: 2015, month: 5, day: 5 }],
    ["2015.05", { year: 2015, month: 5 }],
    ["2015年05月", { year: 2015, month: 5 }],
    ["2020.01.01 10:12:13", { year: 2020, month: 1, day: 1 }],
  ])("%s", (text, date) => expect(parseReportDate(text)).toEqual(date));

  it.each(["", "报告时间", "2015.13", "2015.02.30", null])("%s is not a date", (text) => expect(parseReportDate(text)).toBeNull());

  it("month arithmetic crosses years", () => {
    expect(monthIndex({ year: 2020, month: 1 }) - monthIndex({ year: 2019, month: 12 })).toBe(1);
    expect(monthOfIndex(monthIndex({ year: 2020, month: 12 }) + 1)).toEqual({ year: 2021, month: 1 });
    expect(formatReportDate({ year: 2020, month: 3 })).toBe("2020-03");
    expect(formatReportDate({ year: 2020, month: 3, day: 9 })).toBe("2020-03-09");
  });

  it("counts", () => {
    expect(countOf("12")).toBe(12);
    expect(countOf("3笔")).toBe(3);
    expect(countOf("账户数")).toBeNull();
  });
});
