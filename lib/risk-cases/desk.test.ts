import { beforeAll, describe, expect, it } from "vitest";
import { getWorkbench } from "@/lib/home/queries";
import { encodeCursor } from "@/lib/list/cursor";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { escalateCaseAction, setCaseStatusAction, snoozeCaseAction } from "./actions";
import { getRiskCaseForUser } from "./detail";
import { syncRiskCasesIfNeverSynced } from "./jobs";
import { ignoredFilterValues, riskCaseList, toRiskCaseFilters } from "./list-params";
import { listRiskCases } from "./queries";
import { createTestCases } from "./test-factory";

/** Issue 9, second pass: snoozed cases leave the desk until their time, escalations reach an admin, the first sync runs at start-up. */
const db = testDb();
const page = { cursor: null, perPage: 20, sort: { field: "createTime" as const, dir: "desc" as const } };
let analyst: Awaited<ReturnType<typeof createTestUser>>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let otherAdmin: Awaited<ReturnType<typeof createTestUser>>;
const asSession = (u: typeof analyst) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role });
const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id).sort();
const filtersOf = (query: string) => toRiskCaseFilters(riskCaseList.loadSearchParams(new URLSearchParams(query)));

beforeAll(async () => {
  analyst = await createTestUser("RISK_ANALYST");
  admin = await createTestUser("ADMIN");
  otherAdmin = await createTestUser("ADMIN");
});

describe("snoozed cases", () => {
  it("are hidden by default, shown by the 暂缓中 view, and come back by themselves when the snooze passes", async () => {
    signInAs(analyst);
    const mercNum = `8397${Date.now() % 1e9}`;
    const [awake, sleeping, woke] = await createTestCases([{ mercNum }, { mercNum }, { mercNum }]);
    expect((await snoozeCaseAction({ caseId: sleeping.id, version: sleeping.version, until: "2099-01-01" }))?.serverError).toBeUndefined();
    // A snooze whose time has passed (set directly: the action refuses a past day).
    await db.riskCase.update({ where: { id: woke.id }, data: { snoozedUntil: new Date(Date.now() - 60_000) } });

    const byDefault = await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}`), page);
    expect(ids(byDefault)).toEqual([awake.id, woke.id].sort());
    expect(byDefault.total.value).toBe(2);
    expect(byDefault.snoozed).toEqual({ value: 1, capped: false });
    // The status tabs count what the default view shows.
    expect(byDefault.tabCounts.NEW.value).toBe(2);

    const only = await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}&snoozed=yes`), page);
    expect(ids(only)).toEqual([sleeping.id]);
    const all = await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}&snoozed=all`), page);
    expect(ids(all)).toEqual([awake.id, sleeping.id, woke.id].sort());
    // `no` is the default spelled out; an unknown value falls back to the default, not an error.
    expect(ids(await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}&snoozed=no`), page))).toEqual(ids(byDefault));
    expect(ids(await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}&snoozed=bogus`), page))).toEqual(ids(byDefault));

    // Time passes: the same case is back in the default view without anything having run.
    await db.riskCase.update({ where: { id: sleeping.id }, data: { snoozedUntil: new Date(Date.now() - 1000) } });
    const later = await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}`), page);
    expect(ids(later)).toEqual([awake.id, sleeping.id, woke.id].sort());
    expect(later.snoozed.value).toBe(0);
  });

  it("a reversed created range or a page beyond the end is an empty list, not an error", async () => {
    const mercNum = `8396${Date.now() % 1e9}`;
    await createTestCases([{ mercNum }]);
    expect((await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}&from=2026-11-30&to=2026-11-01`), page)).total.value).toBe(0);
    // A cursor past the oldest case (newest first): an empty page with the total still right.
    const beyond = await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}`), { ...page, cursor: encodeCursor("next", "1971-01-01 00:00:00+00", "a") });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total.value).toBe(1);
    // A hand-edited cursor means the first page.
    expect((await listRiskCases(db, asSession(analyst), filtersOf(`mercNum=${mercNum}`), { ...page, cursor: "garbage" })).rows).toHaveLength(1);
  });
});

describe("escalation", () => {
  it("reaches the named admin (list, to-do, card) and the case says who escalated, to whom and why", async () => {
    signInAs(analyst);
    const [c] = await createTestCases([{}]);
    // Only an active admin can receive an escalation.
    const toAnalyst = await escalateCaseAction({ caseId: c.id, version: c.version, toId: analyst.id, reason: "金额异常" });
    expect(toAnalyst?.serverError?.code).toBe("VALIDATION");
    const before = (await getWorkbench(db, asSession(admin))).todos.find((t) => t.key === "casesEscalatedToMe");
    expect(before).toMatchObject({ href: "/risk-cases?escalated=me" });

    const done = await escalateCaseAction({ caseId: c.id, version: c.version, toId: admin.id, reason: "疑似套现，需要管理员判断" });
    expect(done?.serverError).toBeUndefined();
    expect(await db.riskCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ escalatedById: analyst.id, escalatedToId: admin.id, escalationReason: "疑似套现，需要管理员判断" });
    // Escalating twice is refused.
    expect((await escalateCaseAction({ caseId: c.id, version: done!.data!.version, toId: admin.id, reason: "再次" }))?.serverError?.code).toBe("INVALID_STATE");

    const mine = await listRiskCases(db, asSession(admin), filtersOf("escalated=me"), page);
    expect(mine.rows.map((r) => r.id)).toContain(c.id);
    expect((await listRiskCases(db, asSession(otherAdmin), filtersOf("escalated=me"), page)).rows.map((r) => r.id)).not.toContain(c.id);
    expect((await listRiskCases(db, asSession(otherAdmin), filtersOf("escalated=yes"), page)).rows.map((r) => r.id)).toContain(c.id);

    const bench = await getWorkbench(db, asSession(admin));
    const todo = bench.todos.find((t) => t.key === "casesEscalatedToMe");
    expect(todo && "count" in todo ? todo.count.value : -1).toBe(mine.total.value);
    expect(bench.cards["risk-cases"]?.escalatedToMe?.value).toBe(mine.total.value);
    // Analysts get no such figure or to-do.
    const analystBench = await getWorkbench(db, asSession(analyst));
    expect(analystBench.cards["risk-cases"]?.escalatedToMe).toBeUndefined();
    expect(analystBench.todos.find((t) => t.key === "casesEscalatedToMe")).toBeUndefined();

    const detail = await getRiskCaseForUser(db, asSession(admin), c.id);
    expect(detail?.escalation).toMatchObject({ by: analyst.displayName, to: admin.displayName, reason: "疑似套现，需要管理员判断" });

    // Closing the case takes it off the admin's list.
    signInAs(admin);
    await setCaseStatusAction({ caseId: c.id, version: done!.data!.version, status: "CLOSED", conclusion: "CONFIRMED_RISK" });
    expect((await listRiskCases(db, asSession(admin), filtersOf("escalated=me"), page)).rows.map((r) => r.id)).not.toContain(c.id);
    const audit = await db.auditLog.findFirst({ where: { action: "riskCase.escalate", targetId: c.id, outcome: "ok" } });
    expect(audit?.after).toMatchObject({ escalatedToId: admin.id });
  });

  it("an escalation wakes a snoozed case", async () => {
    signInAs(analyst);
    const [c] = await createTestCases([{}]);
    const snoozed = await snoozeCaseAction({ caseId: c.id, version: c.version, until: "2099-01-01" });
    await escalateCaseAction({ caseId: c.id, version: snoozed!.data!.version, toId: admin.id, reason: "需要处理" });
    expect((await db.riskCase.findUniqueOrThrow({ where: { id: c.id } })).snoozedUntil).toBeNull();
  });
});

describe("first sync at start-up", () => {
  it("is queued when no window sync ever ran, and not once one has", async () => {
    const rollback = new Error("rollback");
    await db
      .$transaction(async (tx) => {
        await tx.riskCaseSyncRun.deleteMany({ where: { kind: "WINDOW" } });
        const sent: unknown[] = [];
        expect(await syncRiskCasesIfNeverSynced(tx, async (p) => sent.push(p))).toBe(true);
        expect(sent).toEqual([{ trigger: "schedule" }]);
        await tx.riskCaseSyncRun.create({ data: { kind: "WINDOW", trigger: "schedule", status: "SUCCEEDED" } });
        expect(await syncRiskCasesIfNeverSynced(tx, async (p) => sent.push(p))).toBe(false);
        expect(sent).toHaveLength(1);
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
  });
});

describe("filter values the list cannot apply", () => {
  it("are named (status, flags, malformed days); free-text values are never 'unknown'", () => {
    const raw = { status: "BOGUS", snoozed: "maybe", from: "2026-13-45", to: "2026-11-30", rule: "NOPE", mercNum: "x" };
    const parsed = riskCaseList.loadSearchParams(new URLSearchParams(raw));
    expect(ignoredFilterValues(raw, parsed)).toEqual([
      { key: "status", value: "BOGUS" },
      { key: "snoozed", value: "maybe" },
      { key: "from", value: "2026-13-45" },
    ]);
    const ok = { status: "NEW", escalated: "me", snoozed: "all" };
    expect(ignoredFilterValues(ok, riskCaseList.loadSearchParams(new URLSearchParams(ok)))).toEqual([]);
  });
});
