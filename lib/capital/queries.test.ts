import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { listCapitalProducts, TREND_WEEKS } from "./queries";

describe("listCapitalProducts", () => {
  it("counts passing orders per product, their share of all passing orders, and a weekly trend", async () => {
    const db = testDb();
    const officer = await createTestUser("LOAN_OFFICER");
    const user = { id: officer.id, username: officer.username, displayName: officer.displayName, role: officer.role };
    const code = `P${crypto.randomBytes(3).toString("hex")}`;
    const capital = await db.capitalProvider.create({ data: { id: `cap-${code}`, platform: "示例租赁", productCode: code, productName: "示例产品", labelId: "1" } });
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const orders = await Promise.all([0, 1, 2, 3].map(() => createTestOrder(officer.id, { status: "PASSED" })));
    await createTestOrder(officer.id, { status: "FAILED" });
    // Three of the four passing orders recommend the product: two this week, one three weeks ago
    // (an order, its result and its recommendations are minutes apart; weeks are counted by creation).
    for (const [i, at] of [daysAgo(1), daysAgo(2), daysAgo(22)].entries()) {
      await db.pretrialOrder.update({ where: { id: orders[i].id }, data: { createdAt: at, resultAt: at } });
      await db.pretrialRecommendation.create({ data: { orderId: orders[i].id, capitalId: capital.id, position: 0, createdAt: at } });
    }
    const [row] = await listCapitalProducts(db, user, code, now);
    expect(row).toMatchObject({ productCode: code, providers: 1, orders: 3, passingOrders: 4 });
    expect(row.weekly).toHaveLength(TREND_WEEKS);
    expect(row.weekly.slice(0, 4)).toEqual([2, 0, 0, 1]);
  });
});
