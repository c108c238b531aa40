import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { VendorError } from "@/lib/vendors/core/errors";
import { RISK_SCORE_CODES, codeError, extractMissingField, httpStatusError, missingFieldOf } from "./errors";

/** 附录一 of the vendor document, as printed there. */
const APPENDIX = {
  "1000": "success",
  "100": "签名不匹配",
  "2001": "参数错误！",
  "4001": "请求到上限！",
  "4002": "请先配置回调地址！",
  "4005": "回调数据***缺失，请自检!",
  "9001": "请求失败，请检测参数！",
  "9002": "该订单号已存在，请勿重复提交！",
  "9003": "非法返回，请联系相关人员核查！",
};

describe("risk-score error table", () => {
  it("covers every appendix code exactly, with the document's text", () => {
    expect(Object.fromEntries(RISK_SCORE_CODES.map((c) => [c.code, c.zh]))).toEqual(APPENDIX);
    for (const c of RISK_SCORE_CODES) expect(c.en.length).toBeGreaterThan(0);
  });

  it("maps each code to its AppError code and kind", () => {
    const rows = Object.fromEntries(RISK_SCORE_CODES.map((c) => [c.code, [c.appErrorCode, c.kind, c.retryable]]));
    expect(rows).toEqual({
      "1000": [null, "success", false],
      "100": ["VENDOR_CONFIG", "refused", false],
      "2001": ["VENDOR_REJECTED", "refused", false],
      "4001": ["RATE_LIMITED", "refused", true],
      "4002": ["VENDOR_CONFIG", "refused", false],
      "4005": ["VALIDATION", "refused", false],
      "9001": ["VENDOR_REJECTED", "refused", false],
      "9002": ["CONFLICT", "refused", false],
      "9003": ["VENDOR_UNAVAILABLE", "refused", true],
    });
  });

  it("every failure code becomes a VendorError (an AppError) carrying the vendor code", () => {
    for (const c of RISK_SCORE_CODES.filter((row) => row.appErrorCode)) {
      const e = codeError(c.code, c.zh);
      expect(e).toBeInstanceOf(VendorError);
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ vendor: "risk-score", code: c.appErrorCode, kind: c.kind, vendorCode: c.code, retryable: c.retryable, ambiguous: false });
      expect(e.message).toContain(c.zh);
    }
  });

  it("100 tells the operator what to check", () => {
    expect(codeError("100", "签名不匹配").message).toMatch(/partner id.*secret/);
    expect(codeError("100", "签名不匹配").i18n?.key).toBe("VENDOR_CONFIG");
  });

  it("4005 exposes the missing field", () => {
    const e = codeError("4005", "回调数据customer_extra_info.phone2缺失，请自检!");
    expect(e).toMatchObject({ code: "VALIDATION", kind: "refused" });
    expect(missingFieldOf(e)).toBe("customer_extra_info.phone2");
    expect(e.message).toContain("customer_extra_info.phone2");
    expect(extractMissingField("回调数据real_name缺失，请自检!")).toBe("real_name");
    expect(extractMissingField("回调数据 姓名 缺失")).toBe("姓名");
    expect(extractMissingField("回调数据***缺失，请自检!")).toBeUndefined();
    expect(extractMissingField("something else")).toBeUndefined();
    expect(missingFieldOf(codeError("4005", ""))).toBeUndefined();
  });

  it("an unknown code is a refusal with the vendor's msg; personal data in msg is masked", () => {
    expect(codeError("7777", "渠道关闭")).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", vendorCode: "7777" });
    expect(codeError("7777", "渠道关闭").message).toContain("渠道关闭");
    expect(codeError("7777", "").message).toContain("vendor code 7777");
    expect(codeError("2001", "身份证110101199003070011不合法").message).not.toContain("110101199003070011");
  });

  it("HTTP statuses", () => {
    expect(httpStatusError(502)).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", httpStatus: 502, retryable: true });
    expect(httpStatusError(502).ambiguous).toBe(true);
    expect(httpStatusError(404)).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused" });
    expect(httpStatusError(302)).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused" });
    expect(httpStatusError(429)).toMatchObject({ code: "RATE_LIMITED", kind: "refused", retryable: true });
    expect(httpStatusError(400)).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", retryable: false });
  });
});
