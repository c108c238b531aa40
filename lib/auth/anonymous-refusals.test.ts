import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { authActionClient } from "@/lib/safe-action";
import { signInAs, testDb } from "@/lib/test/factories";

describe("requests without a session (issue 8, security 10)", () => {
  it("are counted per address and minute, not written to the audit log one by one", async () => {
    const name = `test.anonymous.${crypto.randomBytes(4).toString("hex")}`;
    const action = authActionClient.metadata({ name }).action(async () => "ran");
    signInAs(null);
    for (let i = 0; i < 12; i++) expect((await action())?.serverError?.code).toBe("UNAUTHENTICATED");
    const rows = await testDb().auditLog.count({ where: { action: name, outcome: "denied" } });
    expect(rows).toBeGreaterThanOrEqual(1);
    expect(rows).toBeLessThanOrEqual(3);
  });
});
