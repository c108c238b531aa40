import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signedRoute } from "@/app/api/callbacks/wanwang/signed/route";
import { POST as wechatRoute } from "@/app/api/callbacks/wanwang/wechat-share/route";
import { resetEnvCache } from "@/lib/env";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { SIGNED_CALLBACK, WECHAT_SHARE_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { WANWANG_PATHS } from "@/lib/vendors/wanwang/client";
import { startTestVendor, type TestVendor } from "@/lib/vendors/core/test-server";
import { submitPretrialOrder } from "../service";

/**
 * Issue 8, wire 2: callbacks that overtake the netCredit answer. 万网 may call back (wechatShare,
 * signed 0) before its netCredit answer reaches us; the answer must not lower the order, and a
 * wechatShare naming a querySn we learn only from that answer is applied by itself once we do.
 * A stand-in 万网 delivers the callbacks through the real routes while netCredit is in flight.
 */
const TOKEN = "test-callback-token";
const post = (route: (r: Request) => Promise<Response>, body: object) =>
  route(new Request("http://localhost/cb", { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) }));

let vendor: TestVendor;
let officerId = "";
let onNetCredit: (outsideOrderId: string) => Promise<string> = async () => "ZX-UNSET";

beforeAll(async () => {
  vendor = await startTestVendor();
  vendor.route("POST /wanwang/oauth/token", () => ({ body: { access_token: "tok", token_type: "bearer", expires_in: 3600 } }));
  vendor.route(`POST /wanwang${WANWANG_PATHS.netCredit}`, async (req) => {
    const { outsideOrderId } = JSON.parse(req.body) as { outsideOrderId: string };
    const querySn = await onNetCredit(outsideOrderId);
    return { body: { code: 0, msg: null, ok: true, data: { outsideOrderId, querySn, contractUrl: `http://vendor/sign?sn=${querySn}` } } };
  });
  process.env.SANDBOX_PORT = new URL(vendor.url).port;
  resetEnvCache();
  officerId = (await createTestUser("LOAN_OFFICER")).id;
});

afterAll(async () => {
  await vendor?.close();
});

async function submittingOrder() {
  const order = await createTestOrder(officerId, { status: "SUBMITTING" });
  return testDb().pretrialOrder.update({ where: { id: order.id }, data: { querySn: null, contractUrl: null } });
}

describe("callbacks that overtake the netCredit answer", () => {
  it("a signed type 0 applied while netCredit is in flight is not undone by the answer", async () => {
    const order = await submittingOrder();
    const querySn = `ZXR${order.outsideOrderId.slice(3)}`;
    onNetCredit = async (outsideOrderId) => {
      const res = await post(signedRoute, { ...JSON.parse(SIGNED_CALLBACK), outsideOrderId, querySn, type: 0 });
      expect((await res.json()).code).toBe(0);
      return querySn;
    };
    await submitPretrialOrder(testDb(), order.id, "officer");
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("SIGNED");
    expect(after.querySn).toBe(querySn);
    expect(after.contractUrl).toContain(querySn);
  });

  it("a wechatShare naming a querySn not known yet is kept unmatched (non-zero code) and applied once the answer names it", async () => {
    const order = await submittingOrder();
    const querySn = `ZXW${order.outsideOrderId.slice(3)}`;
    let answered: { code: number } | undefined;
    onNetCredit = async () => {
      answered = await (await post(wechatRoute, { ...JSON.parse(WECHAT_SHARE_CALLBACK), querySn })).json();
      return querySn;
    };
    await submitPretrialOrder(testDb(), order.id, "officer");
    expect(answered?.code).not.toBe(0);
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.status).toBe("AWAITING_SIGNATURE");
    expect(after.wechatShareUrl).toContain("credit_net_sign_wechat");
    const event = await testDb().inboundEvent.findFirstOrThrow({ where: { eventKey: `${querySn}:wechat-share`, status: { not: "DUPLICATE" } } });
    expect(event.status).toBe("PROCESSED");
  });

  it("a wechatShare that waits is applied when a signed callback carrying both ids makes the querySn known", async () => {
    const order = await submittingOrder();
    const querySn = `ZXS${order.outsideOrderId.slice(3)}`;
    const wechat = await (await post(wechatRoute, { ...JSON.parse(WECHAT_SHARE_CALLBACK), querySn })).json();
    expect(wechat.code).not.toBe(0);
    const signed = await (await post(signedRoute, { ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: order.outsideOrderId, querySn, type: 0 })).json();
    expect(signed.code).toBe(0);
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "SIGNED", querySn });
    expect(after.wechatShareUrl).toContain("credit_net_sign_wechat");
  });
});
