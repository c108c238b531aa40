import { beforeAll, describe, expect, it } from "vitest";
import { POST as errorSyncRoute } from "@/app/api/callbacks/wanwang/error-sync/route";
import { POST as resultRoute } from "@/app/api/callbacks/wanwang/pretrial-result/route";
import { POST as signedRoute } from "@/app/api/callbacks/wanwang/signed/route";
import { POST as wechatRoute } from "@/app/api/callbacks/wanwang/wechat-share/route";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { ERROR_SYNC_CALLBACK, PRETRIAL_RESULT_CALLBACK, SIGNED_CALLBACK, WECHAT_SHARE_CALLBACK } from "@/lib/vendors/wanwang/fixtures";

const TOKEN = "test-callback-token";
const post = (route: (r: Request) => Promise<Response>, body: string, token = TOKEN) =>
  route(new Request("http://localhost/api/callbacks/wanwang/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }));

let officerId = "";
beforeAll(async () => {
  officerId = (await createTestUser("LOAN_OFFICER")).id;
  // Orders carrying the ids the document's example callbacks name (the people are synthetic).
  await createTestOrder(officerId, { outsideOrderId: "CR25102806064", querySn: "ZX2025102894201" });
  await createTestOrder(officerId, { outsideOrderId: "CR25102706064", querySn: "ZX2025102794067" });
  await createTestOrder(officerId, { outsideOrderId: "CRDOCWECHAT01", querySn: "ZX2025102893186" });
});

describe("万网 callbacks: the document's own example bodies", () => {
  it("signed (type 2) is accepted and moves the order to PBOC_PULLED", async () => {
    const res = await post(signedRoute, SIGNED_CALLBACK);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: 0, msg: "success", data: null, ok: true });
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { outsideOrderId: "CR25102806064" } });
    expect(order.status).toBe("PBOC_PULLED");
  });

  it("pretrialResult is accepted: level, pass, parsed report, capital list", async () => {
    const res = await post(resultRoute, PRETRIAL_RESULT_CALLBACK);
    expect(await res.json()).toMatchObject({ code: 0, ok: true });
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { outsideOrderId: "CR25102806064" }, include: { recommendations: true } });
    expect(order).toMatchObject({ status: "PASSED", customerLevel: "C", pretrialStatus: 1 });
    expect(order.personReport).toMatchObject({ format: "json", pricingProduct: "畅享", flags: { court: false, dishonesty: false } });
    expect(order.recommendations.map((r) => r.capitalId).sort()).toEqual(["28", "64"]);
  });

  it("errorSync is accepted and records the reason", async () => {
    expect(await (await post(errorSyncRoute, ERROR_SYNC_CALLBACK)).json()).toMatchObject({ code: 0 });
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { outsideOrderId: "CR25102706064" } });
    expect(order).toMatchObject({ status: "ERROR", errReason: "主体不存在,主体不存在" });
  });

  it("wechatShare is accepted and matched by querySn", async () => {
    expect(await (await post(wechatRoute, WECHAT_SHARE_CALLBACK)).json()).toMatchObject({ code: 0 });
    const order = await testDb().pretrialOrder.findUniqueOrThrow({ where: { querySn: "ZX2025102893186" } });
    expect(order.wechatShareUrl).toContain("credit_net_sign_wechat");
    expect(order.markId).toBe("MK2025102891252");
  });
});

describe("万网 callbacks: refusals", () => {
  it("a wrong token is 401 and kept as rejected, changing nothing", async () => {
    const order = await createTestOrder(officerId);
    const body = JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: order.outsideOrderId, type: 0 });
    const res = await post(signedRoute, body, "wrong-token");
    expect(res.status).toBe(401);
    const kept = await testDb().inboundEvent.findFirst({ where: { source: "wanwang", status: "REJECTED" }, orderBy: { id: "desc" } });
    expect(kept?.signatureOk).toBe(false);
    expect((await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_SIGNATURE");
  });

  it("no Authorization header at all is 401", async () => {
    const res = await signedRoute(new Request("http://localhost/x", { method: "POST", body: SIGNED_CALLBACK }));
    expect(res.status).toBe(401);
  });

  it("malformed JSON is 400 with a reason", async () => {
    const res = await post(signedRoute, "{not json");
    expect(res.status).toBe(400);
    expect((await res.json()).msg).toMatch(/JSON/);
  });

  it("a body missing a required field is 400 naming it", async () => {
    const { outsideOrderId: _drop, ...rest } = JSON.parse(SIGNED_CALLBACK);
    const res = await post(signedRoute, JSON.stringify(rest));
    expect(res.status).toBe(400);
    expect((await res.json()).msg).toContain("outsideOrderId");
  });

  it("an unknown outsideOrderId is kept as unmatched and answered with a non-zero code", async () => {
    const body = JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: "CR-DOES-NOT-EXIST" });
    const json = await (await post(signedRoute, body)).json();
    expect(json.code).not.toBe(0);
    expect(json.ok).toBe(false);
    const kept = await testDb().inboundEvent.findFirst({ where: { eventKey: { startsWith: "CR-DOES-NOT-EXIST" } } });
    expect(kept?.status).toBe("UNMATCHED");
  });
});
