import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { beijingDay } from "@/lib/format/dates";
import { nextDailyNumber } from "./sequence";

describe("daily numbers", () => {
  it("uses the Beijing day: 16:30 UTC is already the next day in Beijing", () => {
    expect(beijingDay(new Date("2026-11-24T16:30:00Z"))).toBe("261125");
    expect(beijingDay(new Date("2026-11-24T15:59:59Z"))).toBe("261124");
  });

  it("is unique and gap-free under concurrency, 5 digits", async () => {
    const name = `test.${Math.random()}`;
    const now = new Date("2026-11-24T04:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 25 }, () => nextDailyNumber(testDb(), name, "CR", now)));
    expect(new Set(numbers).size).toBe(25);
    expect(numbers.sort()[0]).toBe("CR26112400001");
    expect(numbers.sort()[24]).toBe("CR26112400025");
  });
});
