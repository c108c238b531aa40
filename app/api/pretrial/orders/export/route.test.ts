import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { GET } from "./route";

async function exportAudits(actorId: string) {
  return testDb().auditLog.findMany({ where: { actorId, action: "pretrial.export" }, orderBy: { id: "asc" } });
}

describe("GET /api/pretrial/orders/export — audited when the stream ends (issue 8, security 9)", () => {
  it("audits a completed export as ok only once it has been read to the end", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    for (let i = 0; i < 3; i++) await createTestOrder(officer.id, { outsideOrderId: `CRX${crypto.randomBytes(4).toString("hex")}` });
    signInAs(officer);
    const res = await GET(new Request("http://localhost:3000/api/pretrial/orders/export?format=csv"));
    expect(res.status).toBe(200);
    expect(await exportAudits(officer.id)).toHaveLength(0);
    const text = await res.text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 50));
    const rows = await exportAudits(officer.id);
    expect(rows.map((r) => r.outcome)).toEqual(["ok"]);
  });

  it("audits an export cut mid-stream as not completed", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    for (let i = 0; i < 3; i++) await createTestOrder(officer.id, { outsideOrderId: `CRX${crypto.randomBytes(4).toString("hex")}` });
    signInAs(officer);
    const res = await GET(new Request("http://localhost:3000/api/pretrial/orders/export?format=csv"));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel(new Error("client went away"));
    await new Promise((r) => setTimeout(r, 50));
    const rows = await exportAudits(officer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe("error");
    expect(rows[0]!.detail).toMatch(/not completed/);
  });
});
