import { describe, expect, it } from "vitest";
import { diffFields, showValue } from "./diff";

describe("diffFields", () => {
  it("lists only the fields that changed", () => {
    expect(diffFields({ role: "LOAN_OFFICER", username: "li" }, { role: "ADMIN", username: "li" })).toEqual([{ field: "role", before: "LOAN_OFFICER", after: "ADMIN" }]);
  });
  it("shows every field of a creation", () => {
    expect(diffFields(null, { status: "SUBMITTING", ref: "CR1", retriedFromId: null })).toEqual([
      { field: "status", before: undefined, after: "SUBMITTING" },
      { field: "ref", before: undefined, after: "CR1" },
    ]);
  });
  it("handles scalars and nothing", () => {
    expect(diffFields(null, null)).toEqual([]);
    expect(diffFields(1, 2)).toEqual([{ field: "value", before: 1, after: 2 }]);
  });
  it("prints values shortly", () => {
    expect(showValue(undefined)).toBe("∅");
    expect(showValue("ADMIN")).toBe("ADMIN");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
