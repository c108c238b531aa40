import { describe, expect, it } from "vitest";
import { ZGetHistoryScoresAnswer, ZGetRiskScoreAnswer, parseScore } from "./schemas";
import { DEFAULT_CUTOFFS } from "@/lib/risk-scores/cutoffs";
import { decideScore, formatScore } from "./transform";

describe("risk-score answers (the document's examples)", () => {
  it("返回示例: code as a string, score as a decimal string", () => {
    const answer = ZGetRiskScoreAnswer.parse(JSON.parse('{"code":"1000","msg":"success","data":{"score":"707.0"}}'));
    expect(answer).toMatchObject({ code: "1000", msg: "success", data: { score: "707.0" } });
  });

  it("错误示例: code as a number, normalised to a string; no data", () => {
    expect(ZGetRiskScoreAnswer.parse({ code: 100, msg: "签名不匹配" })).toMatchObject({ code: "100", msg: "签名不匹配" });
  });

  it("history: scores at the top level", () => {
    expect(ZGetHistoryScoresAnswer.parse({ code: "1000", msg: "success", scores: "401.52" })).toMatchObject({ code: "1000", scores: "401.52" });
    expect(ZGetHistoryScoresAnswer.parse({ code: 1000, msg: null, scores: 401.52 })).toMatchObject({ code: "1000", msg: "", scores: 401.52 });
  });

  it("refuses answers without a usable code", () => {
    expect(ZGetRiskScoreAnswer.safeParse({ msg: "success" }).success).toBe(false);
    expect(ZGetRiskScoreAnswer.safeParse({ code: "ok" }).success).toBe(false);
    expect(ZGetRiskScoreAnswer.safeParse([1]).success).toBe(false);
  });
});

describe("parseScore", () => {
  it("decimal strings and numbers are scores", () => {
    expect(parseScore("707.0")).toEqual({ kind: "score", score: 707, raw: "707.0" });
    expect(parseScore("401.52")).toEqual({ kind: "score", score: 401.52, raw: "401.52" });
    expect(parseScore(" 650 ")).toEqual({ kind: "score", score: 650, raw: "650" });
    expect(parseScore(630.5)).toEqual({ kind: "score", score: 630.5, raw: "630.5" });
  });

  it("-666666.0 and -77777.0 are model errors in every spelling", () => {
    for (const v of ["-666666.0", "-666666", "-666666.000", -666666, -666666.0, "-77777.0", "-77777", "-77777.00", -77777]) {
      expect(parseScore(v)).toMatchObject({ kind: "model-error" });
    }
    expect(parseScore("-666666.0")).toEqual({ kind: "model-error", raw: "-666666.0" });
    expect(parseScore(-77777)).toEqual({ kind: "model-error", raw: "-77777" });
  });

  it("another negative value is treated as an undocumented model error, not a low score", () => {
    expect(parseScore("-1.0")).toEqual({ kind: "model-error", raw: "-1.0" });
  });

  it("anything that is not a decimal number is unreadable", () => {
    for (const v of ["", "abc", "707,0", "7e2", "NaN", "Infinity", null, undefined, Number.NaN]) expect(parseScore(v)).toBeNull();
  });
});

describe("decideScore / formatScore", () => {
  const score = (s: number) => ({ kind: "score" as const, score: s, raw: String(s) });

  it("score >= cutoff passes", () => {
    expect(decideScore(score(650), DEFAULT_CUTOFFS.NATURAL)).toBe("pass");
    expect(decideScore(score(649.9), DEFAULT_CUTOFFS.NATURAL)).toBe("fail");
    // 650 for both channel kinds at launch; 630 is what an admin may later set for a good referral channel.
    expect(decideScore(score(640), DEFAULT_CUTOFFS.REFERRAL)).toBe("fail");
    expect(decideScore(score(640), 630)).toBe("pass");
    expect(decideScore(score(640), DEFAULT_CUTOFFS.NATURAL)).toBe("fail");
  });

  it("a model error is neither pass nor fail", () => {
    expect(decideScore({ kind: "model-error", raw: "-666666.0" }, 0)).toBe("model-error");
    expect(() => decideScore(score(700), Number.NaN)).toThrow(RangeError);
  });

  it("formats like the vendor", () => {
    expect(formatScore(score(707))).toBe("707.0");
    expect(formatScore(score(401.52))).toBe("401.52");
    expect(formatScore({ kind: "model-error", raw: "-77777.0" })).toBe("model error (-77777.0)");
    expect(formatScore({ kind: "model-error", raw: "-77777.0" }, { modelErrorLabel: "模型异常" })).toBe("模型异常 (-77777.0)");
  });
});
