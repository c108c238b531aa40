import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { INBOUND_EVENTS } from "@/lib/inbox/events";
import { receiveCallback } from "@/lib/inbox/receive";
import { ledgerViolations, ownerBalances } from "@/lib/ledger/balances";
import type { ConfirmedOperation } from "@/lib/ledger/operations";
import type { LanmaoServiceName } from "@/lib/vendors/lanmao/services";
import { markHandedToBrowser, recordRequest } from "../requests/log";
import { custodyNotifyEvent, LANMAO_NOTIFY_EVENT } from "./events";

const custodyKeys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
const event = custodyNotifyEvent(custodyKeys.publicKey);

function form(serviceName: string, resp: object, signer: crypto.KeyObject = custodyKeys.privateKey, tamper?: (respData: string) => string) {
  const respData = JSON.stringify(resp);
  const sign = crypto.sign("RSA-SHA1", Buffer.from(respData, "utf8"), signer).toString("base64");
  return new URLSearchParams({ serviceName, platformNo: "5000000001", responseType: "NOTIFY", keySerial: "1", respData: tamper ? tamper(respData) : respData, sign }).toString();
}

async function deliver(body: string) {
  const res = await receiveCallback(
    new Request("http://localhost/api/callbacks/lanmao/notify", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }),
    event,
  );
  return { status: res.status, text: await res.text() };
}

const uid = () => `NT${crypto.randomBytes(4).toString("hex")}`;

async function gatewayRequest(serviceName: LanmaoServiceName, requestNo: string, owner: string, operation: ConfirmedOperation) {
  await recordRequest(testDb(), { requestNo, serviceName, reqData: JSON.stringify({ requestNo, platformUserNo: owner }), operation, platformUserNo: owner });
  await markHandedToBrowser(testDb(), requestNo);
}

const rechargeNotice = (requestNo: string, owner: string, amount: string) => ({
  requestNo,
  code: "0",
  description: "成功",
  platformUserNo: owner,
  amount,
  feeMode: "PLATFORM",
  fee: "0.50",
  rechargeWay: "NETBANK_B2C",
  bankcode: "ICBK",
});

describe("联银通 NOTIFY → custody", () => {
  it("is in the one event list", () => {
    expect(INBOUND_EVENTS).toContain(LANMAO_NOTIFY_EVENT);
  });

  it("a recharge NOTIFY delivered 7 times posts once, with the amount custody reports", async () => {
    const owner = uid();
    const requestNo = `${owner}-rc`;
    await gatewayRequest("RECHARGE", requestNo, owner, { kind: "RECHARGE", requestNo, owner, amount: 100 });
    for (let i = 0; i < 7; i++) expect(await deliver(form("RECHARGE", rechargeNotice(requestNo, owner, "1234.56")))).toEqual({ status: 200, text: "SUCCESS" });
    expect((await ownerBalances(testDb())).get(owner)).toEqual({ owner, available: 123_456, frozen: 0 });
    const request = await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } });
    expect(request).toMatchObject({ status: "SUCCEEDED", ledgerStatus: "POSTED" });
    expect(await testDb().ledgerTransaction.count({ where: { requestNo } })).toBe(1);
  });

  it("a tampered or foreign-signed NOTIFY is refused (not SUCCESS) and posts nothing", async () => {
    const owner = uid();
    const requestNo = `${owner}-rc`;
    await gatewayRequest("RECHARGE", requestNo, owner, { kind: "RECHARGE", requestNo, owner, amount: 100 });
    const tampered = await deliver(form("RECHARGE", rechargeNotice(requestNo, owner, "1.00"), undefined, (r) => r.replace('"1.00"', '"9999.00"')));
    expect(tampered.status).toBe(401);
    expect(tampered.text).not.toBe("SUCCESS");
    expect((await deliver(form("RECHARGE", rechargeNotice(requestNo, owner, "1.00"), otherKey))).status).toBe(401);
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } })).status).toBe("SENT");
    expect((await ownerBalances(testDb())).get(owner)).toBeUndefined();
  });

  it("a withdrawal notified before the recharge that funded it waits, then posts when the recharge arrives", async () => {
    const owner = uid();
    const rc = `${owner}-rc`;
    const wd = `${owner}-wd`;
    await gatewayRequest("RECHARGE", rc, owner, { kind: "RECHARGE", requestNo: rc, owner, amount: 50_000 });
    await gatewayRequest("WITHDRAW", wd, owner, { kind: "WITHDRAW", requestNo: wd, owner, amount: 20_000 });
    const withdrawNotice = { requestNo: wd, code: "0", platformUserNo: owner, amount: "200.00", fee: "2.00", feeMode: "PLATFORM", withdrawType: 0, bankcardNo: "622202******3445", bankcode: "ICBK" };
    expect((await deliver(form("WITHDRAW", withdrawNotice))).text).toBe("SUCCESS");
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo: wd } })).ledgerStatus).toBe("WAITING");
    expect((await deliver(form("RECHARGE", rechargeNotice(rc, owner, "500.00")))).text).toBe("SUCCESS");
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo: wd } })).ledgerStatus).toBe("POSTED");
    expect((await ownerBalances(testDb())).get(owner)).toEqual({ owner, available: 30_000, frozen: 0 });
    expect(await ledgerViolations(testDb())).toEqual([]);
  });

  it("a failure reported after the success (or the other way round) never moves the request back", async () => {
    const owner = uid();
    const requestNo = `${owner}-pre`;
    const rc = `${owner}-rc`;
    await gatewayRequest("RECHARGE", rc, owner, { kind: "RECHARGE", requestNo: rc, owner, amount: 1000 });
    await deliver(form("RECHARGE", rechargeNotice(rc, owner, "10.00")));
    await gatewayRequest("USER_PRE_TRANSACTION", requestNo, owner, { kind: "USER_PRE_TRANSACTION", requestNo, owner, amount: 400, bizType: "TENDER", projectNo: "P" });
    expect((await deliver(form("USER_PRE_TRANSACTION", { requestNo, code: "0", bizType: "TENDER" }))).text).toBe("SUCCESS");
    expect((await deliver(form("USER_PRE_TRANSACTION", { requestNo, code: "100001", description: "系统错误" }))).text).toBe("SUCCESS");
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } })).status).toBe("SUCCEEDED");
    expect((await ownerBalances(testDb())).get(owner)).toEqual({ owner, available: 600, frozen: 400 });
  });

  it("a NOTIFY for a requestNo never logged is answered SUCCESS and kept unmatched for admins", async () => {
    const requestNo = `${uid()}-x`;
    expect((await deliver(form("RECHARGE", rechargeNotice(requestNo, "U", "1.00")))).text).toBe("SUCCESS");
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "lanmao", eventKey: { startsWith: `RECHARGE:${requestNo}:` } } });
    expect(row.status).toBe("UNMATCHED");
  });
});

describe("enterprise registration notices (§2.2 R5: AUDIT, BACK, REFUSED, PASSED in any order)", () => {
  async function enterpriseRequest() {
    const owner = `E${uid()}`;
    const requestNo = `${owner}-er`;
    await recordRequest(testDb(), { requestNo, serviceName: "ENTERPRISE_REGISTER", reqData: JSON.stringify({ requestNo, platformUserNo: owner, userRole: "GUARANTEECORP", bankcode: "ICBK" }), platformUserNo: owner });
    await markHandedToBrowser(testDb(), requestNo);
    return { owner, requestNo };
  }
  const notice = (requestNo: string, owner: string, status: string) =>
    form("ENTERPRISE_REGISTER", { requestNo, code: "0", description: status, status, platformUserNo: owner, userRole: "GUARANTEECORP", bankcardNo: "6222****0001", bankcode: "ICBK" });
  const account = (owner: string) => testDb().custodyAccount.findUnique({ where: { platformUserNo: owner } });
  const request = (requestNo: string) => testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } });

  it("an AUDIT notice before any account row creates it under review; PASSED activates it; late AUDIT and BACK never move it back", async () => {
    const { owner, requestNo } = await enterpriseRequest();
    expect(await account(owner)).toBeNull();
    expect(await deliver(notice(requestNo, owner, "AUDIT"))).toEqual({ status: 200, text: "SUCCESS" });
    expect(await account(owner)).toMatchObject({ status: "AUDIT", userType: "ENTERPRISE", userRole: "GUARANTEECORP", cardBound: false });
    expect((await request(requestNo)).status).toBe("SENT");

    expect(await deliver(notice(requestNo, owner, "PASSED"))).toEqual({ status: 200, text: "SUCCESS" });
    expect(await account(owner)).toMatchObject({ status: "ACTIVE", cardBound: true, bankcardMasked: "6222****0001" });
    expect((await request(requestNo)).status).toBe("SUCCEEDED");

    await deliver(notice(requestNo, owner, "BACK"));
    await deliver(notice(requestNo, owner, "AUDIT"));
    expect(await account(owner)).toMatchObject({ status: "ACTIVE", cardBound: true });
  });

  it("PASSED first, its AUDIT late: the account is active and stays so", async () => {
    const { owner, requestNo } = await enterpriseRequest();
    await deliver(notice(requestNo, owner, "PASSED"));
    await deliver(notice(requestNo, owner, "AUDIT"));
    expect(await account(owner)).toMatchObject({ status: "ACTIVE", cardBound: true });
    expect((await request(requestNo)).status).toBe("SUCCEEDED");
  });

  it("BACK before its AUDIT: returned for changes is what shows, the request stays open; a later PASSED activates", async () => {
    const { owner, requestNo } = await enterpriseRequest();
    await deliver(notice(requestNo, owner, "BACK"));
    expect(await account(owner)).toMatchObject({ status: "BACK", cardBound: false });
    await deliver(notice(requestNo, owner, "AUDIT"));
    expect(await account(owner)).toMatchObject({ status: "BACK" });
    expect((await request(requestNo)).status).toBe("SENT");
    await deliver(notice(requestNo, owner, "PASSED"));
    expect(await account(owner)).toMatchObject({ status: "ACTIVE", cardBound: true });
  });

  it("REFUSED closes the request (R4) and the account shows refused, whatever arrives after", async () => {
    const { owner, requestNo } = await enterpriseRequest();
    await deliver(notice(requestNo, owner, "AUDIT"));
    await deliver(notice(requestNo, owner, "REFUSED"));
    expect(await account(owner)).toMatchObject({ status: "REFUSED", cardBound: false });
    expect(await request(requestNo)).toMatchObject({ status: "FAILED", code: "REFUSED" });
    await deliver(notice(requestNo, owner, "BACK"));
    expect(await account(owner)).toMatchObject({ status: "REFUSED" });
  });
});
