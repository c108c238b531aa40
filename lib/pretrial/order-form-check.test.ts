import { describe, expect, it } from "vitest";
import { checkOrderField } from "./order-form-check";

describe("checkOrderField", () => {
  it("says 必填 alone for a blank field, the format rule alone for a wrong one", () => {
    expect(checkOrderField("mobile", "")).toBe("required");
    expect(checkOrderField("mobile", "12345")).toBe("mobile");
    expect(checkOrderField("idNumber", "")).toBe("required");
    expect(checkOrderField("idNumber", "110105194912310021")).toBe("idNumber");
    expect(checkOrderField("customerName", "李明")).toBeNull();
    expect(checkOrderField("customerName", "李明1")).toBe("customerName");
    expect(checkOrderField("dealerName", "")).toBeNull();
  });
  it("wants both photos unless they are reused", () => {
    expect(checkOrderField("photoFront", null)).toBe("photo.missing");
    expect(checkOrderField("photoBack", null, { photosOptional: true })).toBeNull();
    expect(checkOrderField("photoFront", new File([new Uint8Array(10)], "a.gif", { type: "image/gif" }))).toBe("photo.notImage");
    expect(checkOrderField("photoFront", new File([new Uint8Array(10)], "a.png", { type: "image/png" }))).toBeNull();
  });
});
