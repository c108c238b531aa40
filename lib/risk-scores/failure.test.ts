import { describe, expect, it } from "vitest";
import { scoreFailureReason, scoreReference } from "./failure";

describe("scoreFailureReason", () => {
  it("maps the vendor's codes to reasons a user can act on", () => {
    expect(scoreFailureReason({ vendorCode: "100" })).toBe("config");
    expect(scoreFailureReason({ vendorCode: "4002" })).toBe("config");
    expect(scoreFailureReason({ vendorCode: "2001" })).toBe("rejected");
    expect(scoreFailureReason({ vendorCode: "4001" })).toBe("rate-limited");
    expect(scoreFailureReason({ vendorCode: "9003" })).toBe("bad-pull");
    expect(scoreFailureReason({ vendorCode: "4005", missingField: "customer_extra_info.phone2" })).toBe("missing-data");
    expect(scoreFailureReason({ vendorCode: "7777" })).toBe("rejected");
    expect(scoreFailureReason({ vendorCode: null })).toBe("unavailable");
  });
  it("gives a short reference", () => {
    expect(scoreReference("cmabc123def456")).toBe("RS-23DEF456");
  });
});
