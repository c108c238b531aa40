import { describe, expect, it } from "vitest";
import en from "@/messages/en/custody.json";
import zh from "@/messages/zh-CN/custody.json";
import { REPAYMENT_WAYS } from "@/lib/vendors/lanmao/enums";
import { LANMAO_SERVICE_NAMES, LANMAO_SERVICES } from "@/lib/vendors/lanmao/services";

/**
 * The custody UI names 联银通's interfaces and repayment ways in the UI language: Chinese as
 * the document writes them, English translated (never the Chinese, never the raw code alone).
 */
const CJK = /[\u3400-\u9fff]/;

describe("custody labels", () => {
  it("name every interface in both languages: zh as the document, en in English", () => {
    expect(Object.keys(zh.services).sort()).toEqual([...LANMAO_SERVICE_NAMES].sort());
    expect(Object.keys(en.services).sort()).toEqual([...LANMAO_SERVICE_NAMES].sort());
    for (const name of LANMAO_SERVICE_NAMES) {
      expect(zh.services[name], name).toBe(LANMAO_SERVICES[name].zh);
      expect(en.services[name], name).not.toMatch(CJK);
      expect(en.services[name], name).not.toBe(name);
    }
  });

  it("name every repayment way of §5.3.17 in both languages for the new-project select", () => {
    const codes = Object.keys(REPAYMENT_WAYS) as (keyof typeof REPAYMENT_WAYS)[];
    expect(Object.keys(zh.repaymentWays).sort()).toEqual([...codes].sort());
    expect(Object.keys(en.repaymentWays).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(zh.repaymentWays[code], code).toBe(REPAYMENT_WAYS[code].zh);
      expect(en.repaymentWays[code], code).not.toMatch(CJK);
    }
  });
});
