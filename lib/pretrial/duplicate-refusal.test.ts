import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signedRoute } from "@/app/api/callbacks/wanwang/signed/route";
import { POST as wechatRoute } from "@/app/api/callbacks/wanwang/wechat-share/route";
import { resetEnvCache } from "@/lib/env";
import { generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { startSandbox } from "@/lib/sandbox/server";
import { createWanwangVendor } from "@/lib/sandbox/wanwang";
import { createTestUser, testDb } from "@/lib/test/factories";
import { SIGNED_CALLBACK, WECHAT_SHARE_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { createOrderFromForm } from "./create-order";
import { submitPretrialOrder } from "./service";
import { runPretrialSync } from "./sync-job";

/**
 * Issue 8, wire 3: after an ambiguous failure the same outsideOrderId is sent again, and 万网
 * refuses it as a duplicate. That refusal means 万网 has the order: it must not end REJECTED, it
 * waits for its callbacks and adopts the querySn from the first one carrying both ids.
 * The sandbox twin's `refuseRepeatedOutsideOrderId` setting plays the refusing vendor.
 */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const TOKEN = "test-callback-token";
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let officer: Awaited<ReturnType<typeof createTestUser>>;
let dataDir: string;

const settings = (body: object) =>
  fetch(`${sandbox.url}/wanwang/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const post = (route: (r: Request) => Promise<Response>, body: object) =>
  route(new Request("http://localhost/cb", { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) }));
const netCreditCalls = (outsideOrderId: string) =>
  sandbox.log.list().filter((e) => e.direction === "in" && e.path.endsWith("/netCredit") && e.requestBody?.includes(outsideOrderId)).length;

function form() {
  const f = new FormData();
  f.set("idempotencyKey", crypto.randomUUID());
  f.set("customerName", "测试申请人");
  f.set("idNumber", generateSyntheticIdNumber(Math.random));
  f.set("mobile", generateSyntheticMobile(Math.random));
  f.set("photoFront", new File([PNG], "front.png", { type: "image/png" }));
  f.set("photoBack", new File([PNG], "back.png", { type: "image/png" }));
  return f;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "creditops-dup-"));
  process.env.CREDITOPS_DATA_DIR = dataDir;
  sandbox = await startSandbox({ port: 0, vendors: [createWanwangVendor({ callbackToken: TOKEN })], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
  await settings({ checkLicences: false, wechatShareDelayMs: 60_000 });
  process.env.SANDBOX_PORT = String(sandbox.port);
  resetEnvCache();
  officer = await createTestUser("LOAN_OFFICER");
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a duplicate refusal after an ambiguous failure", () => {
  it("is not a rejection: the order waits for its callbacks and adopts the querySn from the first with both ids", async () => {
    const user = { id: officer.id, username: officer.username, displayName: officer.displayName, role: officer.role };
    const out = await createOrderFromForm(testDb(), user, form());
    const id = (out as { orderId: string }).orderId;
    const sent = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id } });
    const querySn = sent.querySn!;
    // The answer to that first netCredit was lost (what an ambiguous failure looks like to us).
    await testDb().pretrialOrder.update({ where: { id }, data: { status: "SUBMITTING", querySn: null, contractUrl: null, lastError: "timeout" } });

    await settings({ refuseRepeatedOutsideOrderId: true });
    await submitPretrialOrder(testDb(), id, "officer");
    const waiting = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).not.toBe("REJECTED");
    expect(waiting.vendorHasOrderAt).not.toBeNull();
    expect(await testDb().pretrialEvent.count({ where: { orderId: id, kind: "DUPLICATE_REFUSED" } })).toBe(1);

    // The scheduled sync does not keep resending an order the vendor already has.
    const calls = netCreditCalls(sent.outsideOrderId);
    await runPretrialSync(testDb(), new Date(Date.now() + 86_400_000));
    expect(netCreditCalls(sent.outsideOrderId)).toBe(calls);

    // wechatShare names only the querySn: it waits.
    const wechat = await (await post(wechatRoute, { ...JSON.parse(WECHAT_SHARE_CALLBACK), querySn })).json();
    expect(wechat.code).not.toBe(0);
    // signed carries both ids: the order adopts the querySn, and the waiting wechatShare applies.
    const signed = await (await post(signedRoute, { ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: sent.outsideOrderId, querySn, type: 0 })).json();
    expect(signed.code).toBe(0);
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "SIGNED", querySn });
    expect(after.wechatShareUrl).toContain("credit_net_sign_wechat");
    await settings({ refuseRepeatedOutsideOrderId: false });
  });
});
