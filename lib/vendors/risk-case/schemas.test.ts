import { describe, expect, it } from "vitest";
import { DOC_EXAMPLE_ANSWER, DOC_EXAMPLE_ROW } from "./fixtures";
import { RISK_CASE_FIELDS, ZRiskCaseAnswer, ZRiskCaseQuery, pageOf, parseRiskCaseRow } from "./schemas";

describe("risk-case row schema", () => {
  it("has the document's 33 fields plus firstAgentName", () => {
    expect(RISK_CASE_FIELDS).toHaveLength(34);
    expect(new Set(RISK_CASE_FIELDS).size).toBe(34);
    expect(Object.keys(DOC_EXAMPLE_ROW).sort()).toEqual([...RISK_CASE_FIELDS].sort());
  });

  it("parses the document's example; '' and {} become null", () => {
    const parsed = parseRiskCaseRow(DOC_EXAMPLE_ROW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.row.caseNo).toBe("20230505153037394436862808100");
    expect(parsed.row.flowNodeKey).toBe("SAASSH");
    expect(parsed.row.cardNo).toBeNull();
    expect(parsed.row.surveyTime).toBeNull();
    expect(parsed.row.submitTime).toBeNull();
    expect(parsed.row.createTime).toBe("2023-05-05 15:30:37");
    expect(parsed.raw).toBe(DOC_EXAMPLE_ROW);
  });

  it("null and absent fields are empty; numbers become strings", () => {
    const parsed = parseRiskCaseRow({ caseNo: 123456, longitude: 116.4, remark: null });
    expect(parsed).toMatchObject({ ok: true, row: { caseNo: "123456", longitude: "116.4", remark: null, mercName: null } });
  });

  it("a record with a bad field is flagged, keeps its raw form and its caseNo", () => {
    const raw = { ...DOC_EXAMPLE_ROW, createTime: "05/05/2023", mercName: ["x"] };
    const parsed = parseRiskCaseRow(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.caseNo).toBe(DOC_EXAMPLE_ROW.caseNo);
    expect(parsed.issues).toContain("createTime");
    expect(parsed.issues).toContain("mercName");
    expect(parsed.raw).toBe(raw);
  });

  it("a record without a caseNo is flagged with caseNo null", () => {
    expect(parseRiskCaseRow({ ...DOC_EXAMPLE_ROW, caseNo: "" })).toMatchObject({ ok: false, caseNo: null, issues: "caseNo" });
    expect(parseRiskCaseRow("not an object")).toMatchObject({ ok: false, caseNo: null });
    expect(parseRiskCaseRow({ caseNo: { a: 1 } })).toMatchObject({ ok: false, caseNo: null });
  });
});

describe("risk-case envelope", () => {
  const page = (body: unknown) => pageOf(ZRiskCaseAnswer.parse(body));

  it("total/rows beside return_code (the example)", () => {
    expect(page(DOC_EXAMPLE_ANSWER)).toEqual({ total: 5, rows: [DOC_EXAMPLE_ROW] });
  });
  it("total/rows inside data, total as a string (the table)", () => {
    expect(page({ return_code: 10000, data: { total: "5", rows: [DOC_EXAMPLE_ROW] } })).toEqual({ total: 5, rows: [DOC_EXAMPLE_ROW] });
  });
  it("return_code as a string", () => {
    expect(ZRiskCaseAnswer.parse({ return_code: "10000", total: 0 }).return_code).toBe(10000);
  });
  it("no data at all is an empty result; rows without total are unreadable", () => {
    expect(page({ return_code: 10000, data: null })).toEqual({ total: 0, rows: [] });
    expect(page({ return_code: 10000, rows: [DOC_EXAMPLE_ROW] })).toBeNull();
  });
  it("failures carry return_msg", () => {
    expect(ZRiskCaseAnswer.parse({ return_code: 10001, return_msg: "签名错误" })).toMatchObject({ return_code: 10001, return_msg: "签名错误" });
  });
  it("refuses a non-numeric total", () => {
    expect(ZRiskCaseAnswer.safeParse({ return_code: 10000, total: "five" }).success).toBe(false);
  });
});

describe("risk-case query", () => {
  it("rows at most 20, page from 1, times as yyyy-MM-dd HH:mm:ss", () => {
    expect(ZRiskCaseQuery.safeParse({ page: 1, rows: 20 }).success).toBe(true);
    expect(ZRiskCaseQuery.safeParse({ page: 1, rows: 21 }).success).toBe(false);
    expect(ZRiskCaseQuery.safeParse({ page: 0, rows: 20 }).success).toBe(false);
    expect(ZRiskCaseQuery.safeParse({ page: 1, rows: 20, createTimeStart: "2026-11-01" }).success).toBe(false);
    expect(ZRiskCaseQuery.safeParse({ page: 1, rows: 20, createTimeStart: "2026-11-01 00:00:00" }).success).toBe(true);
    expect(ZRiskCaseQuery.safeParse({ page: 1, rows: 20, extra: 1 }).success).toBe(false);
  });
});
