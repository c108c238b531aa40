import { describe, expect, it } from "vitest";
import skeleton from "./fixtures/document-skeleton.json";
import { REPORT_SECTIONS, REPORT_SECTION_KEYS, parseReport } from "./report";

/** Every leaf path of a JSON value, arrays by index: `a.b[0].c`. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Puts each parsed section back where the document has it, so both trees compare path by path. */
function reassemble(sections: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const key of REPORT_SECTION_KEYS) {
    if (sections[key] === undefined) continue;
    const parts = REPORT_SECTIONS[key].path.split(".");
    let node = root;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = sections[key];
  }
  return root;
}

describe("DeepFinch model against the document's 返回结果 skeleton", () => {
  const parsed = parseReport(skeleton);

  it("reads every section of the skeleton", () => {
    expect(parsed.unreadable).toEqual([]);
    expect(Object.keys(parsed.sections).sort()).toEqual([...REPORT_SECTION_KEYS].sort());
  });

  it("models every field path of the skeleton (objects strip unknown keys, so a missing field would vanish)", () => {
    const expected = leafPaths(skeleton).sort();
    const got = leafPaths(reassemble(parsed.sections)).sort();
    expect(expected.length).toBeGreaterThan(500);
    expect(got.filter((p) => !expected.includes(p))).toEqual([]);
    expect(expected.filter((p) => !got.includes(p))).toEqual([]);
  });

  it("keeps the per-account-type variants apart: beforeDeadlineDate for loans, beforeDueDate for credit cards", () => {
    const s = parsed.sections;
    expect(s.acyclicCreditAccount?.[0].beforeDeadlineDate?.fiveLevelType).toBe("五级分类");
    expect(s.creditAccount?.[0].beforeDueDate?.currRefundState).toBe("当前还款状态");
    expect(s.creditAccount?.[0]).not.toHaveProperty("beforeDeadlineDate");
    expect(s.quasiCreditAccount?.[0].accountState?.normal?.overDraft180UnpayedAmount).toBe("透支180天以上未付余额");
    expect(s.creditAccount?.[0].bigAmountSpecialPeriodInfo?.usedPeriodAmount).toBe("已用分期额度");
  });

  it("marks a section with a field of the wrong type unreadable and keeps the others", () => {
    const broken = structuredClone(skeleton) as typeof skeleton;
    (broken.creditHeader as Record<string, unknown>).reportTime = { when: "yesterday" };
    (broken.creditTransInfoDetail.creditAccount[0] as Record<string, unknown>).accountExtensionAmount = [1, 2];
    const r = parseReport(broken);
    expect(r.unreadable.map((u) => u.section).sort()).toEqual(["creditAccount", "creditHeader"]);
    expect(r.unreadable.find((u) => u.section === "creditHeader")?.issues).toBe("reportTime");
    expect(r.sections.creditHeader).toBeUndefined();
    expect(r.sections.acyclicCreditAccount).toHaveLength(1);
  });

  it("reads numbers as text and treats missing sections as absent", () => {
    const r = parseReport({ creditHeader: { serialNo: 2020010112345, reportTime: "2020.01.01 10:00:00" } });
    expect(r.sections.creditHeader?.serialNo).toBe("2020010112345");
    expect(r.sections.creditAccount).toBeUndefined();
    expect(r.unreadable).toEqual([]);
    expect(parseReport(undefined)).toEqual({ sections: {}, unreadable: [] });
  });
});
