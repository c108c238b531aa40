import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { startSandbox, type RunningSandbox } from "../server";
import { createLanmaoVendor } from ".";

/**
 * The twin's envelope, on raw HTTP with hand-built forms (not the console's client): the
 * checks in their order (100004, 100003, 100002), the signed answer, gateway refusals shown
 * on the page only, settings validation, and an unfinished gateway request settling as FAIL
 * once its page expired.
 */
let sandbox: RunningSandbox;
let clock = new Date("2026-11-30T02:00:00Z");
const { LANMAO_PLATFORM_NO: platformNo, LANMAO_KEY_SERIAL: keySerial } = lanmaoManifest.sandboxCredentials;

const sign = (text: string, key = TEST_PLATFORM_PRIVATE_KEY) => crypto.sign("RSA-SHA1", Buffer.from(text, "utf8"), key).toString("base64");
function form(serviceName: string, reqData: object | string, o: { key?: string; platform?: string } = {}) {
  const text = typeof reqData === "string" ? reqData : JSON.stringify(reqData);
  return new URLSearchParams({ serviceName, platformNo: o.platform ?? platformNo, reqData: text, keySerial, sign: sign(text, o.key) });
}
async function service(body: URLSearchParams) {
  const res = await fetch(`${sandbox.url}/lanmao/lanmaotech/service`, { method: "POST", body });
  const text = await res.text();
  const sig = res.headers.get("sign") ?? "";
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown>, verified: crypto.verify("RSA-SHA1", Buffer.from(text, "utf8"), TEST_CUSTODY_PUBLIC_KEY, Buffer.from(sig, "base64")) };
}

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    vendors: [createLanmaoVendor({ signingKey: TEST_CUSTODY_PRIVATE_KEY, platformPublicKey: TEST_PLATFORM_PUBLIC_KEY, now: () => clock, notifyFirstDelayMs: 0, notifyRetryDelaysMs: [] })],
    stateFile: null,
    consoleBaseUrl: "http://127.0.0.1:9",
  });
});
afterAll(() => sandbox.close());

describe("联银通 twin envelope", () => {
  it("answers respData in the body and a verifiable sign header", async () => {
    const r = await service(form("QUERY_PLATFORM_INFORMATION", {}));
    expect(r).toMatchObject({ status: 200, verified: true, json: { code: "0", feeBalance: "0.00", marketingFreeze: "0.00" } });
  });

  it.each([
    ["an unknown platform", () => form("QUERY_PLATFORM_INFORMATION", {}, { platform: "42" }), "100004"],
    ["a request signed by another key", () => form("QUERY_PLATFORM_INFORMATION", {}, { key: TEST_CUSTODY_PRIVATE_KEY }), "100003"],
    ["a tampered reqData", () => Object.assign(form("QUERY_PLATFORM_INFORMATION", {}), {}).toString().replace("reqData=%7B%7D", "reqData=%7B+%7D"), "100003"],
    ["reqData that is not JSON", () => form("QUERY_PLATFORM_INFORMATION", "{nope"), "100002"],
    ["an unknown interface", () => form("AUTHORIZE_PRETRANSATION", {}), "100002"],
    ["a gateway interface on the direct address", () => form("RECHARGE", {}), "100002"],
    ["a three-decimal amount", () => form("FREEZE", { requestNo: "T1", platformUserNo: "PLATFORM_FEE_ACCOUNT", amount: "1.005" }), "100002"],
  ])("refuses %s (signed answer, code %s)", async (_what, build, code) => {
    const body = build();
    const r = await service(typeof body === "string" ? new URLSearchParams(body) : body);
    expect(r.verified).toBe(true);
    expect(r.json.code).toBe(code);
  });

  it("accepts the document's other spellings of a service name", async () => {
    const r = await service(form("CONFIRM_ COMPENSATORY", { requestNo: "C1", preTransactionNo: "none", projectNo: "none", details: [] }));
    expect(r.json.code).toBe("200003");
  });

  it("shows gateway refusals on the page, with no way back and no notice", async () => {
    const res = await fetch(`${sandbox.url}/lanmao/lanmaotech/gateway`, { method: "POST", body: form("RECHARGE", { requestNo: "G1" }, { key: TEST_CUSTODY_PRIVATE_KEY }) });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain("100003");
    expect(html).not.toContain('id="back"');
  });

  it("refuses settings the document does not allow (more than 6 NOTIFY retries)", async () => {
    const res = await fetch(`${sandbox.url}/lanmao/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ notifyRetryDelaysMs: [1, 1, 1, 1, 1, 1, 1] }) });
    expect(res.status).toBe(400);
  });

  it("settles an unfinished gateway request as FAIL once its page expired (INIT before)", async () => {
    const reqData = { platformUserNo: "PLATFORM_FEE_ACCOUNT", requestNo: "G2", amount: "1.00", feeMode: "PLATFORM", rechargeWay: "NETBANK_B2B", bankcode: "CMBC", callbackUrl: "http://127.0.0.1:9/back", expired: "20261130101000" };
    const page = await fetch(`${sandbox.url}/lanmao/lanmaotech/gateway`, { method: "POST", body: form("RECHARGE", reqData) });
    expect(await page.text()).toContain('name="token"');
    const query = () => service(form("QUERY_TRANSACTION", { requestNo: "G2", transactionType: "RECHARGE" }));
    expect((await query()).json.status).toBe("INIT");
    clock = new Date("2026-11-30T02:10:01Z"); // 10:10:01 Beijing, past `expired`
    expect((await query()).json).toMatchObject({ status: "FAIL", amount: "1.00" });
  });
});
