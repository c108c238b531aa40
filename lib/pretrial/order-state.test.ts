import { describe, expect, it } from "vitest";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";
import { allowedOrderActions, errorKind, isSigningOver, orderOutcome } from "./order-state";
import { PRETRIAL_STATUSES } from "./status";

const base = { querySn: "ZX2025102894201", contractUrl: "https://contract.example/sign?signLinkId=1", recommendationCount: 2, canWrite: true, canScore: true };
const actions = (status: PretrialStatus, extra: Partial<Parameters<typeof allowedOrderActions>[0]> = {}) =>
  allowedOrderActions({ ...base, status, ...extra });

describe("errorKind", () => {
  it("tells a customer's decline, 主体不存在 and other vendor errors apart", () => {
    expect(errorKind("客户拒绝签署授权书")).toBe("declined");
    expect(errorKind("主体不存在,主体不存在")).toBe("subjectMissing");
    expect(errorKind("人行征信报告拉取失败")).toBe("vendorError");
    expect(errorKind(null)).toBe("vendorError");
  });
});

describe("orderOutcome", () => {
  it("maps every status", () => {
    for (const status of PRETRIAL_STATUSES) expect(orderOutcome({ status })).toBeTruthy();
    expect(orderOutcome({ status: "PBOC_PULLED" })).toBe("processing");
    expect(orderOutcome({ status: "ERROR", errReason: "客户拒绝签署授权书" })).toBe("declined");
  });
  it("closes signing once the customer signed, declined or the platform ended the order", () => {
    expect(isSigningOver(orderOutcome({ status: "AWAITING_SIGNATURE" }))).toBe(false);
    expect(isSigningOver(orderOutcome({ status: "SIGNED" }))).toBe(true);
    expect(isSigningOver(orderOutcome({ status: "ERROR", errReason: "主体不存在" }))).toBe(true);
  });
});

describe("allowedOrderActions", () => {
  it("offers the signing tools only while the signature is awaited", () => {
    expect(actions("AWAITING_SIGNATURE")).toEqual(["signing", "refreshResult", "requestRiskScore"]);
    for (const status of PRETRIAL_STATUSES.filter((s) => s !== "AWAITING_SIGNATURE")) expect(actions(status)).not.toContain("signing");
  });
  it("asks for a re-push only once a result can exist", () => {
    expect(actions("PBOC_PULLED", { canScore: false })).toEqual(["refreshResult"]);
    expect(actions("BIGDATA_RETURNED", { canScore: false })).toEqual(["refreshResult", "pushOutside"]);
    expect(actions("PASSED")).not.toContain("pushOutside");
  });
  it("puts the next step after a result", () => {
    expect(actions("PASSED")).toEqual(["chooseCapital", "requestRiskScore"]);
    expect(actions("PASSED", { recommendationCount: 0 })).toEqual(["requestRiskScore"]);
    expect(actions("FAILED")).toEqual(["newFromThis", "requestRiskScore"]);
  });
  it("offers only a new order after a decline, 主体不存在, a vendor error or a rejection", () => {
    expect(actions("ERROR", { errReason: "客户拒绝签署授权书" })).toEqual(["newFromThis"]);
    expect(actions("ERROR", { errReason: "主体不存在,主体不存在" })).toEqual(["newFromThis"]);
    expect(actions("ERROR", { errReason: "系统异常" })).toEqual(["newFromThis"]);
    expect(actions("REJECTED")).toEqual(["newFromThis"]);
  });
  it("gives read-only users nothing that changes the order", () => {
    const ro = { canWrite: false, canScore: true };
    expect(actions("SUBMITTING", { canWrite: false, canScore: false })).toEqual([]);
    expect(actions("AWAITING_SIGNATURE", ro)).toEqual(["requestRiskScore"]);
    expect(actions("FAILED", ro)).toEqual(["requestRiskScore"]);
    expect(actions("PASSED", { canWrite: false, canScore: false })).toEqual(["chooseCapital"]);
  });
  it("retries only a stuck submission", () => {
    expect(actions("SUBMITTING", { canScore: false })).toEqual(["retrySubmit"]);
  });
});
