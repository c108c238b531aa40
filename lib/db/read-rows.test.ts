import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { connectionStringOf } from "@/lib/db";
import { getWorkbench } from "@/lib/home/queries";
import { listPretrialOrders } from "@/lib/pretrial/queries";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";

/**
 * List reads take the plain pool outside a transaction and Prisma inside one: both must give
 * the same rows, counts and cursors, values typed alike (dates as Date, counts as numbers).
 */
let officer: SessionUser;

beforeAll(async () => {
  const u = await createTestUser("LOAN_OFFICER");
  officer = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
  for (let i = 0; i < 7; i++) await createTestOrder(u.id, { status: i % 2 ? "PASSED" : "AWAITING_SIGNATURE" });
});

const page = { cursor: null, perPage: 3, sort: { field: "createdAt" as const, dir: "desc" as const } };
const filters = {};

describe("readRows", () => {
  it("is the pool for a client and Prisma for a transaction", async () => {
    const db = testDb();
    expect(connectionStringOf(db)).toBeTruthy();
    await db.$transaction(async (tx) => expect(connectionStringOf(tx)).toBeUndefined());
  });

  it("gives a list page identical through the pool and through Prisma", async () => {
    const db = testDb();
    const viaPool = await listPretrialOrders(db, officer, filters, page);
    const viaPrisma = await db.$transaction((tx) => listPretrialOrders(tx, officer, filters, page));
    expect(viaPool.rows).toHaveLength(3);
    expect(viaPool.rows[0].createdAt).toBeInstanceOf(Date);
    expect(viaPool).toEqual(viaPrisma);
    const next = { ...page, cursor: viaPool.next };
    expect(await listPretrialOrders(db, officer, filters, next)).toEqual(await db.$transaction((tx) => listPretrialOrders(tx, officer, filters, next)));
  });

  it("gives the home figures identical through the pool and through Prisma", async () => {
    const db = testDb();
    const now = new Date();
    const viaPool = await getWorkbench(db, officer, now);
    const viaPrisma = await db.$transaction((tx) => getWorkbench(tx, officer, now));
    expect(viaPool).toEqual(viaPrisma);
  });
});
