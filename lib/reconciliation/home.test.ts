import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getWorkbench } from "@/lib/home/queries";
import { createTestUser, testDb } from "@/lib/test/factories";

/** The workbench's reconciliation card and FINANCE to-do read yesterday's latest run. */
describe("reconciliation on the workbench", () => {
  it("shows yesterday's latest run: status, exceptions, open ones; the to-do counts the open ones", async () => {
    const u = await createTestUser("FINANCE");
    const user: SessionUser = { id: u.id, username: u.username, displayName: u.displayName, role: "FINANCE" };
    const now = new Date("2031-01-02T02:00:00Z"); // 10:00 Beijing: yesterday is 2031-01-01
    const db = testDb();
    const before = await getWorkbench(db, user, now);
    expect(before.cards.reconciliation).toEqual({ status: 0, exceptions: 0, open: 0 });
    const [old] = await db.$queryRaw<{ id: bigint }[]>`INSERT INTO recon_runs (file_date, status) VALUES ('2031-01-01', 'FAILED') RETURNING id`;
    const [run] = await db.$queryRaw<{ id: bigint }[]>`INSERT INTO recon_runs (file_date, status) VALUES ('2031-01-01', 'MATCHED') RETURNING id`;
    await db.$executeRaw`INSERT INTO recon_lines (run_id, file_type, match_key, kind, their_lines, our_rows, state) VALUES
      (${run!.id}, 'RECHARGE', 'A', 'AMOUNT_MISMATCH', 1, 1, 'OPEN'), (${run!.id}, 'RECHARGE', 'B', 'DUPLICATE', 2, 1, 'RESOLVED'),
      (${run!.id}, 'RECHARGE', 'C', NULL, 1, 1, NULL), (${old!.id}, 'RECHARGE', 'D', 'MISSING_OURS', 1, 0, 'OPEN')`;
    const after = await getWorkbench(db, user, now);
    expect(after.cards.reconciliation).toEqual({ status: 3, exceptions: 2, open: 1 });
    const todo = after.todos.find((t) => t.key === "reconciliationYesterday");
    expect(todo && "count" in todo ? [todo.href, todo.count.value] : null).toEqual(["/reconciliation?day=2031-01-01", 1]);
  });
});
