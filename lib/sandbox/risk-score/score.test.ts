import { describe, expect, it } from "vitest";
import { buildPullUrl, findMissingField, REQUIRED_FIELDS } from "./applicant-data";
import { decideRiskScore, deriveRiskScore } from "./score";
import { expectedPullSign, makeApplicant, seededRng } from "./test-console";

const SECRET = "test-secret";

describe("risk-score derivation", () => {
  it("is deterministic, one decimal, inside 300.0–850.0, and spread across the cut-offs", () => {
    const rng = seededRng(7);
    const scores = Array.from({ length: 200 }, () => {
      const applicant = makeApplicant(rng);
      const score = deriveRiskScore(applicant.idNum, applicant.data);
      expect(deriveRiskScore(applicant.idNum, applicant.data)).toBe(score);
      return score;
    });
    for (const score of scores) {
      expect(score).toMatch(/^\d{3}\.\d$/);
      expect(Number(score)).toBeGreaterThanOrEqual(300);
      expect(Number(score)).toBeLessThanOrEqual(850);
    }
    const values = scores.map(Number);
    expect(values.some((v) => v < 630)).toBe(true);
    expect(values.some((v) => v >= 650)).toBe(true);
  });

  it("changes when the id number or a pulled field changes", () => {
    const applicant = makeApplicant(seededRng(11));
    const base = deriveRiskScore(applicant.idNum, applicant.data);
    const renamed = structuredClone(applicant.data);
    (renamed.customer_info as Record<string, unknown>).real_name = "测试用户二";
    const others = [deriveRiskScore(`${applicant.idNum.slice(0, 17)}0`, applicant.data), deriveRiskScore(applicant.idNum, renamed)];
    // A collision on 5501 values is possible in principle; these fixed inputs do not collide.
    for (const other of others) expect(other).not.toBe(base);
  });

  it("answers the document's model-error scores for the test names, before fixedScore", () => {
    const rng = seededRng(3);
    expect(decideRiskScore("x", makeApplicant(rng, "模型异常甲").data, null)).toBe("-666666.0");
    expect(decideRiskScore("x", makeApplicant(rng, "模型异常乙").data, "700.0")).toBe("-77777.0");
    expect(decideRiskScore("x", makeApplicant(rng).data, "640.0")).toBe("640.0");
  });
});

describe("pulled data checks", () => {
  it("names the first missing required field, treating blank and empty as missing", () => {
    const data = makeApplicant(seededRng(5)).data;
    expect(findMissingField(data)).toBeNull();
    for (const field of REQUIRED_FIELDS) {
      const copy = structuredClone(data);
      const [head, leaf] = field.split(".");
      if (leaf) delete (copy[head] as Record<string, unknown>)[leaf];
      else delete copy[head];
      expect(findMissingField(copy)).toBe(field);
    }
    expect(findMissingField({ ...data, channel_id: "  " })).toBe("channel_id");
    expect(findMissingField({ ...data, loanBangData: {} })).toBe("loanBangData");
    expect(findMissingField({ ...data, customer_info: null })).toBe("customer_info.real_name");
  });

  it("builds the pull URL with zw_order, timestamp, sign and no personal data by default", () => {
    const now = new Date("2026-01-02T03:04:05Z");
    const person = makeApplicant(seededRng(13));
    const target = {
      callbackUrl: "http://console.test/api/risk-score/applicant-data",
      zwOrder: "CR26010200001",
      mobile: person.mobile,
      idNum: person.idNum,
      sendPii: false,
      secret: SECRET,
      corruptSignature: false,
      timeoutMs: 1000,
      now,
    };
    const url = new URL(buildPullUrl(target));
    const query = Object.fromEntries(url.searchParams);
    expect(Object.keys(query).sort()).toEqual(["sign", "timestamp", "zw_order"]);
    expect(query.timestamp).toBe(String(now.getTime() / 1000));
    expect(query.sign).toBe(expectedPullSign(query, SECRET));

    const withPii = Object.fromEntries(new URL(buildPullUrl({ ...target, sendPii: true })).searchParams);
    expect(withPii).toMatchObject({ mobile: person.mobile, id_num: person.idNum });
    expect(withPii.sign).toBe(expectedPullSign(withPii, SECRET));

    const corrupt = Object.fromEntries(new URL(buildPullUrl({ ...target, corruptSignature: true })).searchParams);
    expect(corrupt.sign).toMatch(/^[0-9a-f]{32}$/);
    expect(corrupt.sign).not.toBe(expectedPullSign(corrupt, SECRET));
  });
});
