import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultExpired, parseLanmaoDate, parseLanmaoTime, toLanmaoDate, toLanmaoTime } from "./time";

describe("联银通 times are Beijing time", () => {
  it("formats the document's examples", () => {
    // 2014-12-13 12:34:56 Beijing = 04:34:56 UTC
    const at = new Date("2014-12-13T04:34:56Z");
    expect(toLanmaoTime(at)).toBe("20141213123456");
    expect(toLanmaoDate(at)).toBe("20141213");
  });

  it("uses the Beijing day across UTC midnight", () => {
    expect(toLanmaoDate(new Date("2026-11-30T16:00:00Z"))).toBe("20261201");
    expect(toLanmaoTime(new Date("2026-11-30T15:59:59Z"))).toBe("20261130235959");
  });

  it("parses back, and refuses impossible dates", () => {
    expect(parseLanmaoTime("20141213123456")?.toISOString()).toBe("2014-12-13T04:34:56.000Z");
    expect(parseLanmaoDate("20141213")?.toISOString()).toBe("2014-12-12T16:00:00.000Z");
    for (const bad of ["20180230120000", "20141213246000", "2014121312345", "abc", "20141313000000"]) expect(parseLanmaoTime(bad)).toBeNull();
    expect(parseLanmaoDate("20180230")).toBeNull();
  });

  it("round-trips any second", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }), (sec) => {
        const at = new Date(sec * 1000);
        expect(parseLanmaoTime(toLanmaoTime(at))?.getTime()).toBe(at.getTime());
      }),
    );
  });

  it("expires gateway pages 15 minutes from now by default", () => {
    expect(defaultExpired(new Date("2014-12-13T04:34:56Z"))).toBe("20141213124956");
  });
});
