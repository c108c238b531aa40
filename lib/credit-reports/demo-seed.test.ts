import { describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { seedDemoCreditReports } from "@/prisma/seed/demo-credit-reports";

describe("demo credit reports", () => {
  it("stores two sample PDFs encrypted, waiting for the sweep to recognise them", async () => {
    const analyst = await createTestUser("RISK_ANALYST");
    await seedDemoCreditReports(testDb(), analyst.id);
    const rows = await testDb().creditReport.findMany({ where: { uploadedById: analyst.id } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === "UPLOADED")).toBe(true);
    expect(new Set(rows.map((r) => r.fileSha256)).size).toBe(2);
  });
});
