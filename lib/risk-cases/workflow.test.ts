import { beforeAll, describe, expect, it } from "vitest";
import { revealPiiAction } from "@/lib/pii/reveal-action";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { addCaseNoteAction, bulkAssignAction, bulkCloseAction, saveFilterAction, setCaseStatusAction, snoozeCaseAction, takeCaseAction } from "./actions";
import { listRiskCases } from "./queries";
import { createTestCases } from "./test-factory";

/** The desk's actions through the real chain (role check, audit), against the test database. */
const db = testDb();
let analyst: Awaited<ReturnType<typeof createTestUser>>;
let other: Awaited<ReturnType<typeof createTestUser>>;
const me = () => ({ id: analyst.id, username: analyst.username, displayName: analyst.displayName, role: analyst.role });

beforeAll(async () => {
  analyst = await createTestUser("RISK_ANALYST");
  other = await createTestUser("RISK_ANALYST");
});

describe("risk-case workflow actions", () => {
  it("take → note → close with a conclusion; each change audited, notes append-only", async () => {
    signInAs(analyst);
    const [c] = await createTestCases([{}]);
    const took = await takeCaseAction({ caseId: c.id, version: c.version });
    expect(took?.data?.version).toBe(c.version + 1);
    let row = await db.riskCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "INVESTIGATING", assigneeId: analyst.id });

    // A change based on what the analyst saw before is refused, not applied over it.
    const stale = await setCaseStatusAction({ caseId: c.id, version: c.version, status: "WAITING" });
    expect(stale?.serverError?.code).toBe("CONFLICT");

    expect((await addCaseNoteAction({ caseId: c.id, body: "商户已提供流水" }))?.data?.id).toBeTruthy();
    await expect(db.$executeRawUnsafe(`UPDATE risk_case_notes SET body = 'x' WHERE case_id = '${c.id}'`)).rejects.toThrow(/append-only/);

    const noConclusion = await setCaseStatusAction({ caseId: c.id, version: row.version, status: "CLOSED" });
    expect(noConclusion?.validationErrors).toBeTruthy();
    const closed = await setCaseStatusAction({ caseId: c.id, version: row.version, status: "CLOSED", conclusion: "NO_RISK", conclusionNote: "经营正常" });
    expect(closed?.serverError).toBeUndefined();
    row = await db.riskCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "CLOSED", conclusion: "NO_RISK", conclusionNote: "经营正常" });
    expect(row.closedAt).not.toBeNull();

    const audit = await db.auditLog.findMany({ where: { targetType: "riskCase", targetId: c.id, outcome: "ok" }, orderBy: { id: "asc" } });
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(["riskCase.take", "riskCase.note", "riskCase.setStatus"]);
    const closeRow = audit.find((a) => a.action === "riskCase.setStatus");
    expect(closeRow?.before).toMatchObject({ status: "INVESTIGATING" });
    expect(closeRow?.after).toMatchObject({ status: "CLOSED", conclusion: "NO_RISK" });

    // A closed case cannot jump to WAITING; reopening goes back to investigating and clears the conclusion.
    expect((await setCaseStatusAction({ caseId: c.id, version: row.version, status: "WAITING" }))?.serverError?.code).toBe("INVALID_STATE");
    await setCaseStatusAction({ caseId: c.id, version: row.version, status: "INVESTIGATING" });
    expect(await db.riskCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "INVESTIGATING", conclusion: null });
  });

  it("bulk assign and close skip what they may not change", async () => {
    signInAs(analyst);
    const cases = await createTestCases([{}, {}, {}]);
    await bulkCloseAction({ caseIds: [cases[2].id], conclusion: "DUPLICATE" });
    const assigned = await bulkAssignAction({ caseIds: cases.map((c) => c.id), assigneeId: other.id });
    expect(assigned?.data).toEqual({ changed: 2, skipped: 1 });
    const closed = await bulkCloseAction({ caseIds: cases.map((c) => c.id), conclusion: "CONFIRMED_RISK" });
    expect(closed?.data).toEqual({ changed: 2, skipped: 1 });
    const finance = await createTestUser("FINANCE");
    const bad = await bulkAssignAction({ caseIds: [cases[0].id], assigneeId: finance.id });
    expect(bad?.serverError?.code).toBe("VALIDATION");
  });

  it("snooze refuses a past date; a legal person's mobile is revealed only with a reason, and audited", async () => {
    signInAs(analyst);
    const [c] = await createTestCases([{}]);
    expect((await snoozeCaseAction({ caseId: c.id, version: c.version, until: "2020-01-01" }))?.serverError?.code).toBe("VALIDATION");
    expect((await snoozeCaseAction({ caseId: c.id, version: c.version, until: "2099-01-01" }))?.serverError).toBeUndefined();

    expect((await revealPiiAction({ targetType: "riskCase", targetId: c.id, field: "legalPhone" }))?.serverError?.code).toBe("VALIDATION");
    const shown = await revealPiiAction({ targetType: "riskCase", targetId: c.id, field: "legalPhone", reason: "核实商户身份" });
    expect(shown?.data?.value).toBe("13800000000");
    const row = await db.auditLog.findFirst({ where: { action: "pii.reveal", targetId: c.id, outcome: "ok" } });
    expect(row?.detail).toBe("legalPhone — 核实商户身份");
  });

  it("the list filters by merchant, rule and mine, with tab counts", async () => {
    signInAs(analyst);
    const mercNum = `8399${Date.now() % 1e9}`;
    const cases = await createTestCases([{ mercNum, riskTypeRules: "SR09999" }, { mercNum, riskTypeRules: "SR00001" }, { mercNum }]);
    await takeCaseAction({ caseId: cases[0].id, version: 0 });
    const page = { cursor: null, perPage: 20, sort: { field: "createTime" as const, dir: "desc" as const } };
    const byMerchant = await listRiskCases(db, me(), { mercNum }, page);
    expect(byMerchant.total.value).toBe(3);
    expect(byMerchant.tabCounts).toMatchObject({ NEW: { value: 2 }, INVESTIGATING: { value: 1 } });
    expect((await listRiskCases(db, me(), { mercNum, rule: "SR09999" }, page)).rows.map((r) => r.id)).toEqual([cases[0].id]);
    expect((await listRiskCases(db, me(), { mercNum, mine: true }, page)).rows.map((r) => r.id)).toEqual([cases[0].id]);
    expect((await listRiskCases(db, me(), { mercNum, status: "CLOSED" }, page)).rows).toEqual([]);
    expect((await listRiskCases(db, me(), { merc: "兴宇装饰", mercNum }, page)).total.value).toBe(3);
    expect((await listRiskCases(db, me(), { mercNum: "no-such" }, page)).total.value).toBe(0);
  });

  it("saved filters keep only the list's keys, per user", async () => {
    signInAs(analyst);
    const saved = await saveFilterAction({ name: `mine-${Date.now()}`, query: "mine=yes&rule=SR00045&evil=1&page=3" });
    expect(saved?.data?.query).toBe("rule=SR00045&mine=yes");
    const empty = await saveFilterAction({ name: "nothing", query: "page=2" });
    expect(empty?.serverError?.code).toBe("VALIDATION");
  });
});
