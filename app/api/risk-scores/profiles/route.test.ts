import { describe, expect, it } from "vitest";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { POST } from "./route";

function profileForm(pretrialOrderId: string) {
  const form = new FormData();
  const fields: Record<string, string> = {
    pretrialOrderId,
    realName: "测试客户",
    idNumber: generateSyntheticIdNumber(Math.random),
    mobile: generateSyntheticMobile(Math.random),
    userAddress: "测试地址 1 号",
    relation1: "父亲",
    name1: "联系人一",
    phone1: generateSyntheticMobile(Math.random),
    relation2: "朋友",
    name2: "联系人二",
    phone2: generateSyntheticMobile(Math.random),
    channelId: "CH-1",
    channelKind: "NATURAL",
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describe("POST /api/risk-scores/profiles (issue 8, security 11)", () => {
  it("answers 404, not 500, for a profile pointing at another officer's order", async () => {
    const owner = await createTestUser("LOAN_OFFICER");
    const other = await createTestUser("LOAN_OFFICER");
    const order = await createTestOrder(owner.id);
    signInAs(other);
    const res = await POST(
      new Request("http://localhost:3000/api/risk-scores/profiles", { method: "POST", body: profileForm(order.id), headers: { origin: "http://localhost:3000" } }),
    );
    expect(res.status).toBe(404);
    expect(await testDb().riskProfile.count({ where: { createdById: other.id } })).toBe(0);
  });
});
