import { describe, expect, it } from "vitest";
import { bankSupports, canMoveProject, PROJECT_STATUSES, PROJECT_TRANSITIONS, readBankCode, readConfirmTradeType, readWithdrawType, SUPPORTED_BANKS } from "./enums";
import { afterAmbiguousFailure, canonicalServiceName, LANMAO_SERVICES } from "./services";

describe("service vocabulary", () => {
  it("sends design.md §3's spellings and reads the document's", () => {
    expect(canonicalServiceName("CONFIRM_ COMPENSATORY")).toBe("CONFIRM_COMPENSATORY");
    expect(canonicalServiceName("CONFIRM _ PLATFORM_MARKETING")).toBe("CONFIRM_PLATFORM_MARKETING");
    expect(canonicalServiceName("CANCEL_PRE_TRANSATION")).toBe("CANCEL_PRE_TRANSACTION");
    expect(canonicalServiceName("UPLOAAD_CHECKFILE")).toBe("UPLOAD_CHECKFILE");
    expect(canonicalServiceName("RECHARGE")).toBe("RECHARGE");
    expect(canonicalServiceName("AUTHORIZE_PRETRANSATION")).toBeNull();
    for (const name of Object.keys(LANMAO_SERVICES)) expect(name).toMatch(/^[A-Z_]+$/);
  });

  it("marks what the document marks idempotent", () => {
    const idempotent = Object.entries(LANMAO_SERVICES)
      .filter(([, s]) => s.idempotent)
      .map(([n]) => n)
      .sort();
    expect(idempotent).toEqual(
      [
        "USER_PRE_TRANSACTION",
        "PLATFORM_PRE_TRANSACTION",
        "CANCEL_PRE_TRANSACTION",
        "CONFIRM_LOAN",
        "CONFIRM_REPAYMENT",
        "CONFIRM_COMPENSATORY",
        "CONFIRM_DEBENTURE_TRANSFER",
        "CONFIRM_PLATFORM_MARKETING",
        "FREEZE",
        "UNFREEZE",
      ].sort(),
    );
    expect(afterAmbiguousFailure("CONFIRM_LOAN")).toBe("resend_same_request_no");
    expect(afterAmbiguousFailure("WITHDRAW")).toBe("query_first");
    expect(afterAmbiguousFailure("QUERY_TRANSACTION")).toBe("resend_same_request_no");
  });

  it("gateway interfaces notify; direct ones do not", () => {
    for (const s of Object.values(LANMAO_SERVICES)) if (s.mode === "gateway") expect(s.notify).toBe(true);
    for (const s of Object.values(LANMAO_SERVICES)) if (s.mode !== "gateway") expect(s.notify).toBe(false);
  });
});

describe("enums", () => {
  it("reads the Cyrillic bank codes as Latin", () => {
    expect(readBankCode("ВКСН")).toBe("BKCH");
    expect(readBankCode("нхвк")).toBe("HXBK");
    expect(readBankCode("ICBK")).toBe("ICBK");
    expect(readBankCode("XXXX")).toBeNull();
  });

  it("knows which banks each operation supports", () => {
    expect(bankSupports("rechargeB2C", "PSBC")).toBe(true);
    expect(bankSupports("personalCard", "PSBC")).toBe(false);
    expect(bankSupports("enterpriseCard", "HXBK")).toBe(false);
    expect(bankSupports("rechargeB2B", "SPDB")).toBe(true);
    expect(SUPPORTED_BANKS.personalCard).toHaveLength(14);
    expect(SUPPORTED_BANKS.enterpriseCard).toHaveLength(9);
    expect(SUPPORTED_BANKS.rechargeB2C).toHaveLength(13);
  });

  it("project states move forward only (§2.11 R6)", () => {
    expect(canMoveProject("COLLECTING", "REPAYING")).toBe(true);
    expect(canMoveProject("COLLECTING", "MISCARRY")).toBe(true);
    expect(canMoveProject("REPAYING", "FINISH")).toBe(true);
    expect(canMoveProject("REPAYING", "COLLECTING")).toBe(false);
    expect(canMoveProject("COLLECTING", "FINISH")).toBe(false);
    expect(canMoveProject("MISCARRY", "REPAYING")).toBe(false);
    // No cycles: nothing reachable leads back.
    for (const from of Object.keys(PROJECT_STATUSES) as (keyof typeof PROJECT_STATUSES)[])
      for (const to of PROJECT_TRANSITIONS[from]) expect(PROJECT_TRANSITIONS[to]).not.toContain(from);
  });

  it("reads both withdraw type spellings and the CONFOIRM typo", () => {
    expect(readWithdrawType(0)).toBe(0);
    expect(readWithdrawType("URGENT")).toBe(1);
    expect(readWithdrawType("2")).toBeNull();
    expect(readConfirmTradeType("CONFOIRM_ PLATFORM_MARKETING")).toBe("CONFIRM_PLATFORM_MARKETING");
  });
});
