import { describe, expect, it } from "vitest";
import { DEFAULT_CUTOFFS } from "./cutoffs";

describe("cut-off defaults", () => {
  it("are 650 for both channel kinds at launch (附录二: 前期上线先用650)", () => {
    expect(DEFAULT_CUTOFFS).toEqual({ NATURAL: 650, REFERRAL: 650 });
  });
});
