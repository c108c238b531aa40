import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { sessionUserOf } from "@/lib/test/risk-factory";
import { getProfilePrefill } from "./prefill";

describe("identity reveal for a score request (issue 8, security 11)", () => {
  it("is audited with the caller's address", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const order = await createTestOrder(officer.id);
    expect(await getProfilePrefill(testDb(), sessionUserOf(officer), order.id)).not.toBeNull();
    const row = await testDb().auditLog.findFirst({ where: { action: "pii.reveal", targetId: order.id } });
    expect(row?.ip).toBe("203.0.113.7");
  });
});
