import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { runPretrialSync, SYNC_POLICY } from "./sync-job";

describe("pretrial sync job", () => {
  it("leaves a stuck order alone until its backoff has passed, and never touches exhausted ones", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const fresh = await createTestOrder(officer.id, { status: "SUBMITTING" });
    await testDb().pretrialOrder.update({ where: { id: fresh.id }, data: { submitAttempts: 3, querySn: null } });
    const exhausted = await createTestOrder(officer.id, { status: "SUBMITTING" });
    await testDb().pretrialOrder.update({ where: { id: exhausted.id }, data: { submitAttempts: SYNC_POLICY.maxAutoSubmitAttempts, querySn: null } });
    // "now" is just after the last attempt: 4 minutes of backoff have not passed.
    await runPretrialSync(testDb(), new Date(Date.now() + 1000));
    const after = await testDb().pretrialOrder.findMany({ where: { id: { in: [fresh.id, exhausted.id] } }, select: { submitAttempts: true } });
    expect(after.map((o) => o.submitAttempts).sort()).toEqual([3, SYNC_POLICY.maxAutoSubmitAttempts]);
  });

  it("backoff doubles per attempt", () => {
    expect([1, 2, 3, 4].map(SYNC_POLICY.submitBackoffMinutes)).toEqual([1, 2, 4, 8]);
  });
});
