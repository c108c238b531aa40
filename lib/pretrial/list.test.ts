import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getTodos } from "@/lib/home/todos";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";
import type { PretrialSort } from "./sort";
import { pretrialList, toPretrialFilters } from "./list-params";
import { countPretrialOrders, iteratePretrialOrders, listPretrialOrders, type PretrialRow } from "./queries";

/**
 * The order list against real PostgreSQL: keyset pages walk the whole set forwards and back
 * without gaps or repeats, even with equal timestamps; tabs, dealer substring and the
 * workbench's counts agree with the list.
 */
let officer: SessionUser;
const ids: string[] = [];
const createdSort = { field: "createdAt" as const, dir: "desc" as const };
const STATUSES: PretrialStatus[] = ["AWAITING_SIGNATURE", "PASSED", "FAILED", "SIGNED", "ERROR"];

beforeAll(async () => {
  const u = await createTestUser("LOAN_OFFICER");
  officer = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
  const base = Date.now() - 10 * 24 * 3600_000;
  for (let i = 0; i < 25; i++) {
    const o = await createTestOrder(u.id, { status: STATUSES[i % 5] });
    // Pairs of orders share a timestamp, so the id tie-break is exercised.
    await testDb().pretrialOrder.update({
      where: { id: o.id },
      data: { createdAt: new Date(base + Math.floor(i / 2) * 60_000), dealerName: i % 3 === 0 ? "成都恒信汽车销售服务有限公司" : "重庆华宇汽车" },
    });
    ids.push(o.id);
  }
});

async function walk(sort: PretrialSort = createdSort, perPage = 10) {
  const seen: PretrialRow[] = [];
  let cursor: string | null = null;
  const pages: { cursor: string | null; prev: string | null }[] = [];
  for (let i = 0; i < 10; i++) {
    const page: Awaited<ReturnType<typeof listPretrialOrders>> = await listPretrialOrders(testDb(), officer, {}, { cursor, perPage, sort });
    pages.push({ cursor, prev: page.prev });
    seen.push(...page.rows);
    if (!page.next) break;
    cursor = page.next;
  }
  return { seen, pages };
}

describe("pretrial list by keyset", () => {
  it("visits every order once, newest first, and counts them", async () => {
    const { seen } = await walk();
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
    const times = seen.map((r) => new Date(r.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = await listPretrialOrders(testDb(), officer, {}, { cursor: null, perPage: 10, sort: createdSort });
    expect(first.total).toEqual({ value: 25, capped: false });
    expect(first.prev).toBeNull();
  });

  it("goes back to exactly the previous page", async () => {
    const p1 = await listPretrialOrders(testDb(), officer, {}, { cursor: null, perPage: 10, sort: createdSort });
    const p2 = await listPretrialOrders(testDb(), officer, {}, { cursor: p1.next, perPage: 10, sort: createdSort });
    const back = await listPretrialOrders(testDb(), officer, {}, { cursor: p2.prev, perPage: 10, sort: createdSort });
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back.next).not.toBeNull();
  });

  it("walks ascending by order number too", async () => {
    const { seen } = await walk({ field: "outsideOrderId", dir: "asc" }, 7);
    expect(seen).toHaveLength(25);
    const numbers = seen.map((r) => r.outsideOrderId);
    expect(numbers).toEqual([...numbers].sort());
  });

  it("treats a mangled cursor as the first page", async () => {
    const page = await listPretrialOrders(testDb(), officer, {}, { cursor: "n.bm9wZQ", perPage: 5, sort: createdSort });
    expect(page.rows).toHaveLength(5);
  });

  it("counts the tabs and finds dealers by substring", async () => {
    const page = await listPretrialOrders(testDb(), officer, { tab: "failed" }, { cursor: null, perPage: 50, sort: createdSort });
    expect(page.rows.every((r) => ["FAILED", "REJECTED", "ERROR"].includes(r.status))).toBe(true);
    expect(page.tabCounts).toEqual({
      awaiting: { value: 5, capped: false },
      running: { value: 5, capped: false },
      passed: { value: 5, capped: false },
      failed: { value: 10, capped: false },
    });
    const dealer = await listPretrialOrders(testDb(), officer, { dealer: "都恒" }, { cursor: null, perPage: 50, sort: createdSort });
    expect(dealer.total.value).toBe(9);
    const none = await listPretrialOrders(testDb(), officer, { dealer: "恒%" }, { cursor: null, perPage: 50, sort: createdSort });
    expect(none.rows).toHaveLength(0);
  });

  it("exports the whole filtered set", async () => {
    let n = 0;
    for await (const _ of iteratePretrialOrders(testDb(), officer, { tab: "passed" }, createdSort)) n++;
    expect(n).toBe(5);
  });

  it("gives workbench counts equal to the lists they link to", async () => {
    const todos = await getTodos(testDb(), officer);
    for (const todo of todos) {
      if ("notBuilt" in todo || !todo.href.startsWith("/pretrial")) continue;
      const p = pretrialList.loadSearchParams(new URLSearchParams(todo.href.split("?")[1]));
      const list = await listPretrialOrders(testDb(), officer, toPretrialFilters(p), { cursor: null, perPage: 100, sort: createdSort });
      expect(todo.count, todo.key).toEqual(list.total);
      expect(await countPretrialOrders(testDb(), officer, toPretrialFilters(p))).toEqual(list.total);
    }
    expect(todos.find((t) => t.key === "failedSubmissions")).toMatchObject({ count: { value: 5 } });
    expect(todos.find((t) => t.key === "awaitingSignature")).toMatchObject({ count: { value: 5 } });
  });
});
