import { describe, expect, it } from "vitest";
import { countTicks, fillBuckets, labelEvery, niceStep } from "./histogram-scale";

describe("fillBuckets", () => {
  it("fills gaps and widens the range to show both cut-offs", () => {
    const out = fillBuckets([{ bucket: 700, NATURAL: 2, REFERRAL: 1 }, { bucket: 750, NATURAL: 1, REFERRAL: 0 }], [650, 630]);
    expect(out.map((b) => b.bucket)).toEqual([600, 625, 650, 675, 700, 725, 750]);
    expect(out[4]).toEqual({ bucket: 700, NATURAL: 2, REFERRAL: 1 });
    expect(out[5]).toEqual({ bucket: 725, NATURAL: 0, REFERRAL: 0 });
  });

  it("covers scores far below the cut-offs", () => {
    const out = fillBuckets([{ bucket: 400, NATURAL: 1, REFERRAL: 0 }], [650, 630]);
    expect(out[0].bucket).toBe(400);
    expect(out.at(-1)?.bucket).toBe(675);
  });
});

describe("ticks", () => {
  it("picks round steps", () => {
    expect(niceStep(0.5)).toBe(1);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(17)).toBe(20);
    expect(niceStep(260)).toBe(500);
  });

  it("counts from zero to a round top", () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
  });

  it("thins x labels as buckets grow", () => {
    expect(labelEvery(8)).toBe(1);
    expect(labelEvery(20)).toBe(2);
    expect(labelEvery(40)).toBe(4);
    expect(labelEvery(80)).toBe(8);
  });
});
