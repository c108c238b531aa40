import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { lanmaoNotify, type LanmaoNotice } from "@/lib/vendors/lanmao/callback";
import { defineInboundEvent } from "./define-event";
import { findInboundEvent } from "./events";
import { processInboundEvent } from "./process";
import { receiveCallback } from "./receive";

/**
 * The shape fits 联银通's NOTIFY (design.md §2) before the custody issue builds on it: one URL,
 * form fields, the event type read from the body (`serviceName`), key = serviceName + requestNo
 * + reported status, Base64 SHA1withRSA of `respData`, and a plain `SUCCESS` once recorded,
 * matched or not. The handler is a test stand-in; the custody area will add the real ones.
 */
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

const handled: string[] = [];
const testNotify = defineInboundEvent({
  ...lanmaoNotify(publicKey),
  handle: async (_tx, _event, n: LanmaoNotice) => {
    handled.push(`${n.serviceName}:${n.resp.requestNo}:${n.resp.status}`);
    if (n.resp.requestNo.startsWith("UNKNOWN")) return { status: "unmatched", reason: `unknown requestNo ${n.resp.requestNo}` };
    return { status: "processed", targetType: "custodyRequest", targetId: n.resp.requestNo };
  },
});

function form(serviceName: string, resp: object, signer = privateKey) {
  const respData = JSON.stringify(resp);
  const sign = crypto.sign("RSA-SHA1", Buffer.from(respData, "utf8"), signer).toString("base64");
  return new URLSearchParams({ serviceName, platformNo: "P0001", responseType: "NOTIFY", keySerial: "1", respData, sign }).toString();
}

async function notify(body: string) {
  const res = await receiveCallback(
    new Request("http://localhost/api/callbacks/lanmao/notify", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }),
    testNotify,
  );
  return { status: res.status, text: await res.text() };
}

describe("联银通 NOTIFY as an inbound event", () => {
  it("is recorded under serviceName + requestNo + status, typed by serviceName, answered SUCCESS", async () => {
    const requestNo = `RQ${crypto.randomUUID().slice(0, 8)}`;
    expect(await notify(form("RECHARGE", { requestNo, status: "SUCCESS", amount: "100.00" }))).toEqual({ status: 200, text: "SUCCESS" });
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "lanmao", eventKey: `RECHARGE:${requestNo}:SUCCESS` } });
    expect(row).toMatchObject({ eventType: "RECHARGE", status: "PROCESSED", signatureOk: true });
    expect(row.bodyMasked).toContain("RECHARGE");
  });

  it("the 7 deliveries 联银通 may make are one event, each answered SUCCESS", async () => {
    const requestNo = `RQ${crypto.randomUUID().slice(0, 8)}`;
    const before = handled.length;
    for (let i = 0; i < 7; i++) expect((await notify(form("WITHDRAW", { requestNo, status: "SUCCESS" }))).text).toBe("SUCCESS");
    expect(handled.length - before).toBe(1);
    expect(await testDb().inboundEvent.count({ where: { source: "lanmao", eventKey: `WITHDRAW:${requestNo}:SUCCESS`, status: "DUPLICATE" } })).toBe(6);
  });

  it("each status an interface reports is its own event (ENTERPRISE_REGISTER reports several)", async () => {
    const requestNo = `RQ${crypto.randomUUID().slice(0, 8)}`;
    await notify(form("ENTERPRISE_REGISTER", { requestNo, status: "AUDIT" }));
    await notify(form("ENTERPRISE_REGISTER", { requestNo, status: "SUCCESS" }));
    expect(await testDb().inboundEvent.count({ where: { source: "lanmao", eventKey: { startsWith: `ENTERPRISE_REGISTER:${requestNo}:` }, status: "PROCESSED" } })).toBe(2);
  });

  it("unmatched is still SUCCESS (recorded; admins see it); a wrong signature is refused so 联银通 retries", async () => {
    expect((await notify(form("RECHARGE", { requestNo: `UNKNOWN${crypto.randomUUID().slice(0, 8)}`, status: "SUCCESS" }))).text).toBe("SUCCESS");
    const forged = await notify(form("RECHARGE", { requestNo: "RQFORGED", status: "SUCCESS" }, otherKey));
    expect(forged.status).toBe(401);
    expect(forged.text).not.toBe("SUCCESS");
    const kept = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "lanmao", status: "REJECTED" }, orderBy: { id: "desc" } });
    expect(kept.eventType).toBe("unverified");
  });

  it("a form without respData's requestNo is 400 with the reason; the worker re-runs a stored notice by its source", async () => {
    const bad = await notify(form("RECHARGE", { status: "SUCCESS" }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("requestNo");
    const requestNo = `RQ${crypto.randomUUID().slice(0, 8)}`;
    await notify(form("FREEZE", { requestNo, status: "SUCCESS" }));
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "lanmao", eventKey: `FREEZE:${requestNo}:SUCCESS` } });
    expect(findInboundEvent("lanmao", "FREEZE", [testNotify])).toBe(testNotify);
    expect(await processInboundEvent(testDb(), row.id, [testNotify])).toMatchObject({ status: "processed" });
  });
});
