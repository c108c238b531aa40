import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { startSandbox } from "@/lib/sandbox/server";
import { createWanwangVendor } from "@/lib/sandbox/wanwang";
import { createTestUser, signInAs, testDb } from "@/lib/test/factories";
import { retrySubmitAction } from "./actions";
import { createOrderFromForm } from "./create-order";
import { submitPretrialOrder } from "./service";

/**
 * Submission against the 万网 sandbox twin over real HTTP: a double submit is one vendor
 * order; a vendor that is down leaves the order SUBMITTING with the reason, and the retry
 * reuses the same outsideOrderId, even when two retries race.
 */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let officer: Awaited<ReturnType<typeof createTestUser>>;
let dataDir: string;

function form(key = crypto.randomUUID()) {
  const f = new FormData();
  f.set("idempotencyKey", key);
  f.set("customerName", "测试申请人");
  f.set("idNumber", generateSyntheticIdNumber(Math.random));
  f.set("mobile", generateSyntheticMobile(Math.random));
  f.set("photoFront", new File([PNG], "front.png", { type: "image/png" }));
  f.set("photoBack", new File([PNG], "back.png", { type: "image/png" }));
  return f;
}

const netCreditCalls = (outsideOrderId?: string) =>
  sandbox.log.list().filter((e) => e.direction === "in" && e.path.endsWith("/netCredit") && (!outsideOrderId || e.requestBody?.includes(outsideOrderId))).length;

const user = () => ({ id: officer.id, username: officer.username, displayName: officer.displayName, role: officer.role });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-submit-"));
  process.env.CREDITOPS_DATA_DIR = dataDir;
  sandbox = await startSandbox({ port: 0, vendors: [createWanwangVendor({ callbackToken: "test-callback-token" })], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
  await fetch(`${sandbox.url}/wanwang/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ checkLicences: false, wechatShareDelayMs: 60_000 }) });
  process.env.SANDBOX_PORT = String(sandbox.port);
  resetEnvCache();
  officer = await createTestUser("LOAN_OFFICER");
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("pretrial submission", () => {
  it("submits once: the order awaits signature with querySn and signing link", async () => {
    const out = await createOrderFromForm(testDb(), user(), form());
    expect(out.ok).toBe(true);
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: (out as { orderId: string }).orderId } });
    expect(order.status).toBe("AWAITING_SIGNATURE");
    expect(order.querySn).toMatch(/^ZX\d+/);
    expect(order.contractUrl).toContain("/wanwang/sign?signLinkId=");
    expect(order.outsideOrderId).toMatch(/^CR\d{6}\d{5}$/);
    expect(netCreditCalls(order.outsideOrderId)).toBe(1);
  });

  it("the same form submitted twice (or concurrently) is one order and one vendor call", async () => {
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([createOrderFromForm(testDb(), user(), form(key)), createOrderFromForm(testDb(), user(), form(key))]);
    const c = await createOrderFromForm(testDb(), user(), form(key));
    const ids = new Set([a, b, c].map((o) => (o as { orderId: string }).orderId));
    expect(ids.size).toBe(1);
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(netCreditCalls(order.outsideOrderId)).toBe(1);
  });

  it("bad input stores nothing and calls nobody", async () => {
    const before = await testDb().pretrialOrder.count();
    const calls = netCreditCalls();
    const f = form();
    f.set("idNumber", "110105194912310021");
    f.set("mobile", "23912345678");
    f.set("photoBack", new File([Buffer.from("%PDF-1.7")], "back.jpg", { type: "image/jpeg" }));
    f.delete("photoFront");
    const out = await createOrderFromForm(testDb(), user(), f);
    expect(out).toEqual({ ok: false, fieldErrors: { idNumber: ["idNumber"], mobile: ["mobile"], photoFront: ["photo.missing"], photoBack: ["photo.notImage"] } });
    expect(await testDb().pretrialOrder.count()).toBe(before);
    expect(netCreditCalls()).toBe(calls);
  });

  it("vendor down: stays SUBMITTING with the reason; the retry reuses the outsideOrderId, once even when raced", async () => {
    await fetch(`${sandbox.url}/_control/faults/wanwang`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ http500: true }) });
    const out = await createOrderFromForm(testDb(), user(), form());
    const id = (out as { orderId: string }).orderId;
    const stuck = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id } });
    expect(stuck.status).toBe("SUBMITTING");
    expect(stuck.lastError).toBeTruthy();

    await fetch(`${sandbox.url}/_control/faults/wanwang`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ http500: false, latencyMs: 300 }) });
    const callsBefore = netCreditCalls(stuck.outsideOrderId);
    await Promise.all([submitPretrialOrder(testDb(), id, "officer"), submitPretrialOrder(testDb(), id, "officer")]);
    await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("AWAITING_SIGNATURE");
    expect(after.outsideOrderId).toBe(stuck.outsideOrderId);
    expect(netCreditCalls(stuck.outsideOrderId) - callsBefore).toBe(1);
  });

  it("a retry sends the channel and social credit code in force, not the ones stored at creation", async () => {
    await fetch(`${sandbox.url}/_control/faults/wanwang`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ http500: true }) });
    const out = await createOrderFromForm(testDb(), user(), form());
    const id = (out as { orderId: string }).orderId;
    await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
    const saved = { channel: process.env.WANWANG_CHANNEL, code: process.env.WANWANG_SOCIAL_CREDIT_CODE };
    process.env.WANWANG_CHANNEL = "CHANNEL-FIXED";
    process.env.WANWANG_SOCIAL_CREDIT_CODE = "91110108MA01FIXED1";
    resetEnvCache();
    try {
      const after = await submitPretrialOrder(testDb(), id, "officer");
      expect(after.status).toBe("AWAITING_SIGNATURE");
      const sent = sandbox.log.list().filter((e) => e.direction === "in" && e.path.endsWith("/netCredit") && e.requestBody?.includes(after.outsideOrderId)).sort((a, b) => b.id - a.id)[0];
      const body = JSON.parse(sent!.requestBody!) as { channel: string; socialCreditCode: string };
      expect(body).toMatchObject({ channel: "CHANNEL-FIXED", socialCreditCode: "91110108MA01FIXED1" });
      // The order records what was last sent.
      expect(after).toMatchObject({ channel: "CHANNEL-FIXED", socialCreditCode: "91110108MA01FIXED1" });
    } finally {
      for (const [k, v] of [["WANWANG_CHANNEL", saved.channel], ["WANWANG_SOCIAL_CREDIT_CODE", saved.code]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
  });

  it("retrySubmitAction refuses an order that is no longer submitting", async () => {
    const out = await createOrderFromForm(testDb(), user(), form());
    signInAs(officer);
    const result = await retrySubmitAction({ orderId: (out as { orderId: string }).orderId });
    expect(result?.serverError?.code).toBe("INVALID_STATE");
  });

  it("another officer cannot see or retry the order", async () => {
    const out = await createOrderFromForm(testDb(), user(), form());
    signInAs(await createTestUser("LOAN_OFFICER"));
    const result = await retrySubmitAction({ orderId: (out as { orderId: string }).orderId });
    expect(result?.serverError?.code).toBe("NOT_FOUND");
  });
});
