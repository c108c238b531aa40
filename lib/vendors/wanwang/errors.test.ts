import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { VendorError, isAmbiguousFailure } from "@/lib/vendors/core/errors";
import { httpStatusError, rejectedError, tokenError, unauthorizedError } from "./errors";

describe("wanwang error mapping", () => {
  it("a refusal keeps the vendor code and message for the user", () => {
    const e = rejectedError(500101, "渠道不存在");
    expect(e).toBeInstanceOf(AppError);
    expect(e).toBeInstanceOf(VendorError);
    expect(e).toMatchObject({ vendor: "wanwang", code: "VENDOR_REJECTED", kind: "refused", vendorCode: "500101", message: "渠道不存在", retryable: false });
    expect(e.i18n).toEqual({ key: "VENDOR_REJECTED", values: { reason: "渠道不存在" } });
    expect(isAmbiguousFailure(e)).toBe(false);
  });

  it("a refusal without msg names the code; personal data in msg is masked", () => {
    expect(rejectedError(7, null).message).toBe("vendor code 7");
    expect(rejectedError(7, "身份证511025199608286174不合法").message).not.toContain("511025199608286174");
  });

  it("HTTP statuses", () => {
    expect(httpStatusError(500)).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "ambiguous", httpStatus: 500 });
    expect(httpStatusError(502).ambiguous).toBe(true);
    expect(httpStatusError(404)).toMatchObject({ code: "VENDOR_CONFIG", kind: "refused" });
    expect(httpStatusError(302)).toMatchObject({ code: "VENDOR_CONFIG" });
    expect(httpStatusError(429)).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "refused", retryable: true });
    expect(httpStatusError(400)).toMatchObject({ code: "VENDOR_REJECTED", kind: "refused", retryable: false });
    expect(httpStatusError(400, { code: 40001, msg: "参数错误" })).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "40001", message: "参数错误" });
    expect(isAmbiguousFailure(httpStatusError(400))).toBe(false);
  });

  it("token-phase failures and a refused fresh token were never acted on", () => {
    expect(tokenError("token down")).toMatchObject({ kind: "not_sent", code: "VENDOR_UNAVAILABLE", retryable: true });
    expect(isAmbiguousFailure(tokenError("token down"))).toBe(false);
    expect(tokenError("refused", { config: true })).toMatchObject({ kind: "not_sent", code: "VENDOR_CONFIG", retryable: false });
    expect(unauthorizedError()).toMatchObject({ kind: "refused", code: "VENDOR_CONFIG", httpStatus: 401 });
  });
});
