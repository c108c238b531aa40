import { describe, expect, it } from "vitest";
import { RISK_CASE_STATUSES } from "./list-params";
import { canMoveCase, caseAge } from "./status";

describe("risk-case workflow", () => {
  it("allows exactly the documented moves", () => {
    const allowed = RISK_CASE_STATUSES.flatMap((from) => RISK_CASE_STATUSES.filter((to) => canMoveCase(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ["NEW→INVESTIGATING", "NEW→CLOSED", "INVESTIGATING→WAITING", "INVESTIGATING→CLOSED", "WAITING→INVESTIGATING", "WAITING→CLOSED", "CLOSED→INVESTIGATING"].sort(),
    );
  });
  it("never to the same status, never back to NEW", () => {
    for (const s of RISK_CASE_STATUSES) expect(canMoveCase(s, s)).toBe(false);
    for (const s of RISK_CASE_STATUSES) expect(canMoveCase(s, "NEW")).toBe(false);
  });
  it("age badge", () => {
    const now = new Date("2026-11-30T00:00:00Z");
    expect(caseAge(new Date("2026-11-29T12:00:00Z"), now)).toEqual({ days: 0, tone: "fresh" });
    expect(caseAge(new Date("2026-11-27T00:00:00Z"), now)).toEqual({ days: 3, tone: "ageing" });
    expect(caseAge(new Date("2026-11-22T00:00:00Z"), now)).toEqual({ days: 8, tone: "overdue" });
    expect(caseAge(new Date("2026-12-01T00:00:00Z"), now).days).toBe(0);
  });
});
