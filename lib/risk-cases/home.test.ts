import { describe, expect, it } from "vitest";
import { getWorkbench } from "@/lib/home/queries";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { takeCaseAction } from "./actions";
import { createTestCases } from "./test-factory";

describe("risk-case home card and to-do", () => {
  it("counts open, unassigned, older than 7 days and mine; the to-do matches the list it links to", async () => {
    const analyst = await createTestUser("RISK_ANALYST");
    const before = (await getWorkbench(testDb(), analyst)).cards["risk-cases"]!;
    const old = "2020-01-01 10:00:00";
    const recent = new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 19).replace("T", " ");
    const cases = await createTestCases([{ createTime: old }, { createTime: recent }, { createTime: recent }]);
    signInAs(analyst);
    await takeCaseAction({ caseId: cases[1].id, version: 0 });
    const after = await getWorkbench(testDb(), analyst);
    const card = after.cards["risk-cases"]!;
    const grew = (a: { value: number; capped: boolean }, b: { value: number; capped: boolean }) => (a.capped ? 0 : a.value - b.value);
    if (!before.open.capped) expect(grew(card.open, before.open)).toBe(3);
    if (!before.unassigned.capped) expect(grew(card.unassigned, before.unassigned)).toBe(2);
    if (!before.older.capped) expect(grew(card.older, before.older)).toBe(1);
    expect(card.mine).toEqual({ value: 1, capped: false });
    const todo = after.todos.find((t) => t.key === "casesAssigned");
    expect(todo).toMatchObject({ href: "/risk-cases?mine=yes&status=INVESTIGATING", count: { value: 1, capped: false } });
    // Other roles do not get the card.
    const officer = await createTestUser("LOAN_OFFICER");
    expect((await getWorkbench(testDb(), officer)).cards["risk-cases"]).toBeUndefined();
  });
});
