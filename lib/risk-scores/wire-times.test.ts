import { describe, expect, it } from "vitest";
import { ZRiskProfileInput } from "./schemas";

/**
 * Every time sent to the risk-score vendor is Beijing time whatever the server's TZ
 * (design.md §3). `npm test` runs this file under TZ=UTC and TZ=Asia/Shanghai.
 */
const base = {
  realName: "测试",
  idNumber: "11010519491231002X",
  mobile: "13912345678",
  userAddress: "北京",
  relation1: "父亲",
  name1: "甲",
  phone1: "13912345679",
  relation2: "母亲",
  name2: "乙",
  phone2: "13912345670",
  channelId: "ch-1",
  channelKind: "NATURAL",
};

describe("profile form times are Beijing wall-clock times", () => {
  it("consumeAt 2018-08-23 15:33 (datetime-local, no zone) is 1535009580", () => {
    const parsed = ZRiskProfileInput.parse({ ...base, consumeAt: "2018-08-23T15:33" });
    expect(parsed.consumeAt!.getTime() / 1000).toBe(1535009580);
  });
});
