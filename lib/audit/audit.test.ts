import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { writeAudit } from "./index";

describe("audit log", () => {
  it("masks personal data in before/after", async () => {
    await writeAudit(testDb(), {
      actor: null,
      action: "test.mask",
      outcome: "ok",
      targetId: "mask-check",
      before: { mobile: "13912345678" },
      after: { idNum: "11010519491231002X", note: "call 13912345678" },
    });
    const row = await testDb().auditLog.findFirstOrThrow({ where: { action: "test.mask", targetId: "mask-check" } });
    const text = JSON.stringify([row.before, row.after]);
    expect(text).not.toContain("13912345678");
    expect(text).not.toContain("11010519491231002X");
  });

  it("is append-only: the database refuses updates and deletes", async () => {
    await writeAudit(testDb(), { actor: null, action: "test.appendOnly", outcome: "ok" });
    const row = await testDb().auditLog.findFirstOrThrow({ where: { action: "test.appendOnly" } });
    await expect(testDb().auditLog.update({ where: { id: row.id }, data: { outcome: "error" } })).rejects.toThrow(/append-only/);
    await expect(testDb().auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
