import { describe, expect, it } from "vitest";
import { parseBeijingDateTime } from "@/lib/format/dates";
import type { RiskProfile } from "@/lib/generated/prisma/client";
import { addressColumns, encryptPii, nameColumns } from "@/lib/pii/vault";
import { buildApplicantData } from "./applicant-data";
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

  it("registeredAt is read the same way; seconds and a space separator too", () => {
    const parsed = ZRiskProfileInput.parse({ ...base, registeredAt: "2018-08-23 15:33:00" });
    expect(parsed.registeredAt!.getTime() / 1000).toBe(1535009580);
    expect(ZRiskProfileInput.parse(base).registeredAt).toBeUndefined();
  });

  it("a text with its own zone keeps it; impossible dates are refused", () => {
    expect(parseBeijingDateTime("2018-08-23T07:33:00Z").getTime() / 1000).toBe(1535009580);
    expect(parseBeijingDateTime("2018-08-23T15:33:00+08:00").getTime() / 1000).toBe(1535009580);
    expect(Number.isNaN(parseBeijingDateTime("2018-02-30T10:00").getTime())).toBe(true);
    expect(ZRiskProfileInput.safeParse({ ...base, consumeAt: "2018-02-30T10:00" }).success).toBe(false);
  });
});

describe("applicant data sent to the vendor", () => {
  const profile = (over: Partial<RiskProfile>) =>
    ({
      ...nameColumns("realName", "测试"),
      gender: "男",
      ...addressColumns("userAddress", "北京"),
      relation1: "父亲",
      ...nameColumns("name1", "甲"),
      phone1Enc: encryptPii("13912345679"),
      relation2: "母亲",
      ...nameColumns("name2", "乙"),
      phone2Enc: encryptPii("13912345670"),
      channelId: "ch-1",
      loanDays: 7,
      loanType: "mx",
      consumeAmountFen: 100_000n,
      consumeAt: new Date(1535009580_000),
      registeredAt: null,
      createdAt: new Date(1700000000_000),
      ...over,
    }) as RiskProfile;

  it("consume_info.add_time is the order time, customer_info.add_time the registration time, both epoch seconds", () => {
    const data = buildApplicantData(profile({ registeredAt: new Date(1500000000_000) }));
    expect(data.consume_info?.add_time).toBe("1535009580");
    expect(data.customer_info.add_time).toBe("1500000000");
  });

  it("customer_info.add_time falls back to the order time for profiles stored before the field existed", () => {
    expect(buildApplicantData(profile({})).customer_info.add_time).toBe("1535009580");
    expect(buildApplicantData(profile({ consumeAt: null, consumeAmountFen: null })).customer_info.add_time).toBe("1700000000");
  });
});

describe("the time zone this run was given", () => {
  it("is in force (vitest.config.ts runs this file under UTC and Asia/Shanghai)", () => {
    if (process.env.TZ) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ === "UTC" ? "UTC" : process.env.TZ);
  });
});
