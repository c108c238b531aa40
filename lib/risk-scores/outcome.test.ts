import { describe, expect, it } from "vitest";
import { formatScore, scoreOutcome } from "./outcome";

describe("formatScore", () => {
  it("keeps one decimal for whole scores and never rounds across a cut-off", () => {
    expect(formatScore(707)).toBe("707.0");
    expect(formatScore(612.5)).toBe("612.5");
    expect(formatScore(649.96)).toBe("649.96");
    expect(formatScore(null)).toBe("—");
  });
});

describe("scoreOutcome", () => {
  it("follows the status first, then the stored decision", () => {
    expect(scoreOutcome({ status: "PENDING", decision: null })).toBe("pending");
    expect(scoreOutcome({ status: "FAILED", decision: null })).toBe("failed");
    expect(scoreOutcome({ status: "MODEL_ERROR", decision: "model-error" })).toBe("model-error");
    expect(scoreOutcome({ status: "SCORED", decision: "pass" })).toBe("pass");
    expect(scoreOutcome({ status: "SCORED", decision: "fail" })).toBe("fail");
  });
});
