import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { WanwangError, httpStatusError, isAmbiguousFailure, rejectedError, transportError } from "./errors";

const withCode = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

describe("wanwang error mapping", () => {
  it("a refusal keeps the vendor code and message for the user", () => {
    const e = rejectedError(500101, "渠道不存在");
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: "VENDOR_REJECTED", kind: "rejected", vendorCode: 500101, message: "渠道不存在" });
    expect(e.i18n).toEqual({ key: "VENDOR_REJECTED", values: { reason: "渠道不存在" } });
    expect(isAmbiguousFailure(e)).toBe(false);
  });

  it("a refusal without msg names the code; personal data in msg is masked", () => {
    expect(rejectedError(7, null).message).toBe("vendor code 7");
    expect(rejectedError(7, "身份证511025199608286174不合法").message).not.toContain("511025199608286174");
  });

  it("HTTP statuses", () => {
    expect(httpStatusError(500)).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "server_error", httpStatus: 500 });
    expect(httpStatusError(502).ambiguous).toBe(true);
    expect(httpStatusError(404)).toMatchObject({ code: "VENDOR_CONFIG", kind: "config" });
    expect(httpStatusError(302)).toMatchObject({ code: "VENDOR_CONFIG" });
    expect(httpStatusError(429)).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "client_error" });
    expect(httpStatusError(400)).toMatchObject({ code: "VENDOR_REJECTED", kind: "client_error" });
    expect(httpStatusError(400, { code: 40001, msg: "参数错误" })).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: 40001, message: "参数错误" });
    expect(isAmbiguousFailure(httpStatusError(400))).toBe(false);
  });

  it("transport failures: may-have-been-processed vs certainly-not-sent", () => {
    const timeout = transportError(new DOMException("The operation was aborted due to timeout", "TimeoutError"), "x");
    expect(timeout).toMatchObject({ code: "VENDOR_UNAVAILABLE", kind: "timeout" });
    expect(isAmbiguousFailure(timeout)).toBe(true);
    expect(transportError(withCode("ECONNRESET"), "x").kind).toBe("connection_lost");
    expect(isAmbiguousFailure(transportError(withCode("UND_ERR_SOCKET"), "x"))).toBe(true);
    const refused = transportError(withCode("ECONNREFUSED"), "x");
    expect(refused.kind).toBe("unreachable");
    expect(isAmbiguousFailure(refused)).toBe(false);
    expect(isAmbiguousFailure(transportError(withCode("ENOTFOUND"), "x"))).toBe(false);
    const blocked = Object.assign(new TypeError("fetch failed"), { cause: new Error("bad port") });
    expect(transportError(blocked, "x").kind).toBe("unreachable");
  });

  it("isAmbiguousFailure on errors it did not make", () => {
    expect(isAmbiguousFailure(new AppError("VALIDATION", "bad input"))).toBe(false);
    expect(isAmbiguousFailure(new Error("unknown"))).toBe(true);
    expect(isAmbiguousFailure(new WanwangError("VENDOR_UNAVAILABLE", "token", "token down"))).toBe(false);
  });
});
