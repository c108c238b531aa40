import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { JPEG_HEAD, PNG_1PX } from "@/lib/files/test-images";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { POST } from "./route";

const URL_ = "http://localhost:3000/api/pretrial/orders";

function orderForm(overrides: Record<string, string> = {}) {
  const form = new FormData();
  const fields = {
    idempotencyKey: crypto.randomUUID(),
    customerName: "测试客户",
    idNumber: generateSyntheticIdNumber(Math.random),
    mobile: generateSyntheticMobile(Math.random),
    dealerName: "测试车行",
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("photoFront", new Blob([JPEG_HEAD], { type: "image/jpeg" }), "front.jpg");
  form.set("photoBack", new Blob([PNG_1PX], { type: "image/png" }), "back.png");
  return { form, key: fields.idempotencyKey };
}

describe("POST /api/pretrial/orders — issue 8 security", () => {
  it("refuses a cross-site POST carrying the officer's cookie, and creates nothing (8)", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    signInAs(officer);
    const { form, key } = orderForm();
    const res = await POST(new Request(URL_, { method: "POST", body: form, headers: { origin: "https://evil.example" } }));
    expect(res.status).toBe(403);
    expect(await testDb().pretrialOrder.count({ where: { idempotencyKey: key } })).toBe(0);
    expect(await testDb().auditLog.count({ where: { actorId: officer.id, action: "pretrial.create", outcome: "denied" } })).toBe(1);
  });

  it("refuses a NUL byte in a text field with a message, storing no photo (7)", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    signInAs(officer);
    const { form, key } = orderForm({ dealerName: "车行\u0000" });
    const res = await POST(new Request(URL_, { method: "POST", body: form, headers: { origin: "http://localhost:3000" } }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors?: Record<string, string[]>; message?: string };
    expect(body.fieldErrors?.dealerName).toEqual(["nul"]);
    expect(body.message).toBeTruthy();
    expect(await testDb().pretrialOrder.count({ where: { idempotencyKey: key } })).toBe(0);
    expect(await testDb().storedFile.count({ where: { createdById: officer.id } })).toBe(0);
  });

  it("refuses a 50 MB body while streaming, without reading it whole (1, 8)", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    signInAs(officer);
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await POST(
      new Request(URL_, {
        method: "POST",
        body,
        duplex: "half",
        headers: { origin: "http://localhost:3000", "content-type": "multipart/form-data; boundary=x" },
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(30 * 1024 * 1024);
  });
});
