import { describe, expect, it } from "vitest";
import { beijingDay, endOfDay, startOfBeijingDay, startOfDay } from "./dates";

describe("Beijing business days", () => {
  it("today starts at Beijing midnight (16:00 UTC the day before)", () => {
    expect(startOfBeijingDay(new Date("2026-11-24T15:59:59Z")).toISOString()).toBe("2026-11-23T16:00:00.000Z");
    expect(startOfBeijingDay(new Date("2026-11-24T16:00:00Z")).toISOString()).toBe("2026-11-24T16:00:00.000Z");
  });

  it("yyMMdd follows the Beijing calendar", () => {
    expect(beijingDay(new Date("2026-12-31T16:30:00Z"))).toBe("270101");
  });

  it("a filter day covers Beijing midnight to Beijing midnight", () => {
    const day = new Date("2026-11-24T00:00:00Z");
    expect(startOfDay(day)?.toISOString()).toBe("2026-11-23T16:00:00.000Z");
    expect(endOfDay(day)?.toISOString()).toBe("2026-11-24T16:00:00.000Z");
    expect(startOfDay(null)).toBeNull();
  });
});
