import { describe, expect, it } from "vitest";
import { lanmaoNotifyKey, type LanmaoNotice, parseRespData, readLanmaoReturn, readNotice } from "./callback";
import { formBody, prepareLanmaoRequest } from "./client";
import { checkGatewayLink, gatewayLinkPath, lanmaoGatewayForm } from "./gateway";
import { lanmaoSign, lanmaoVerify } from "./sign";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "./test-keys";

const ep = { platformNo: "5000000001", keySerial: "1", privateKey: TEST_PLATFORM_PRIVATE_KEY };
const now = new Date("2014-12-13T04:34:56Z"); // 2014-12-13 12:34:56 Beijing, the document's example time

describe("prepareLanmaoRequest: the §1.2 form", () => {
  it("RECHARGE: amounts as two-decimal strings, the default 15-minute expiry in Beijing time, reqData signed", () => {
    const p = prepareLanmaoRequest(ep, "RECHARGE", { platformUserNo: "U1", requestNo: "R1", amount: 123_450, rechargeWay: "NETBANK_B2C", bankcode: "ICBK", callbackUrl: "http://localhost:3000/api/callbacks/lanmao/return" }, { now, userDevice: "PC" });
    expect(p.form.reqData).toBe(
      '{"platformUserNo":"U1","requestNo":"R1","amount":"1234.50","feeMode":"PLATFORM","rechargeWay":"NETBANK_B2C","bankcode":"ICBK","callbackUrl":"http://localhost:3000/api/callbacks/lanmao/return","expired":"20141213124956"}',
    );
    expect(p.form).toMatchObject({ serviceName: "RECHARGE", platformNo: "5000000001", userDevice: "PC", keySerial: "1" });
    expect(lanmaoVerify(p.form.reqData, p.form.sign, TEST_PLATFORM_PUBLIC_KEY)).toBe(true);
    expect(p.requestNo).toBe("R1");
    expect([...formBody(p.form).keys()]).toEqual(["serviceName", "platformNo", "userDevice", "reqData", "keySerial", "sign"]);
  });

  it("CONFIRM_REPAYMENT: nested details converted, an interest-only detail allowed, the rate kept as decimal text", () => {
    const p = prepareLanmaoRequest(ep, "CONFIRM_REPAYMENT", { requestNo: "R2", preTransactionNo: "H1", projectNo: "P1", commission: 5, details: [{ platformUserNo: "I1", amount: 0, income: 8_333 }] });
    expect(JSON.parse(p.form.reqData)).toEqual({ requestNo: "R2", preTransactionNo: "H1", projectNo: "P1", commission: "0.05", details: [{ platformUserNo: "I1", amount: "0.00", income: "83.33" }] });
    const e = prepareLanmaoRequest(ep, "ESTABLISH_PROJECT", { requestNo: "R3", platformUserNo: "B", projectNo: "P", projectAmount: 100, projectName: "n", annnualInterestRate: 0.0825, repaymentWay: "FIXED_PAYMENT_MORTGAGE" });
    expect(JSON.parse(e.form.reqData)).toMatchObject({ annnualInterestRate: "0.0825", projectType: "STANDARDPOWDER", projectAmount: "1.00" });
  });

  it("UNFREEZE has no requestNo of its own: keyed by the freeze it releases", () => {
    expect(prepareLanmaoRequest(ep, "UNFREEZE", { oriRequestNo: "F1" })).toMatchObject({ requestNo: "F1", form: { reqData: '{"oriRequestNo":"F1"}' } });
  });

  it("refuses a gateway form for a direct interface", () => {
    expect(() => lanmaoGatewayForm("http://x", prepareLanmaoRequest(ep, "FREEZE", { platformUserNo: "U", requestNo: "R", amount: 1 }))).toThrow(/not a gateway/);
  });

  it("the gateway page auto-submits every field, escaped, to …/lanmaotech/gateway (nonce for the CSP)", () => {
    const p = prepareLanmaoRequest(ep, "RESET_PASSWORD", { requestNo: 'R"<4>', platformUserNo: "U", callbackUrl: "http://localhost:3000/r" });
    const g = lanmaoGatewayForm("http://127.0.0.1:3100/lanmao/", p);
    expect(g.action).toBe("http://127.0.0.1:3100/lanmao/lanmaotech/gateway");
    const html = g.html({ nonce: "abc" });
    expect(html).toContain('<script nonce="abc">');
    expect(html).toContain("R\\&quot;&lt;4&gt;");
    expect(html).not.toContain('R\\"<4>');
  });

  it("a signed, expiring link to the gateway page (phone or QR)", () => {
    const link = gatewayLinkPath("/custody/go", "s3cret", "R 1", 2_000_000_000);
    const url = new URL(link, "http://x");
    expect(url.pathname).toBe("/custody/go/R%201");
    expect(checkGatewayLink("s3cret", "R 1", url.searchParams.get("exp"), url.searchParams.get("sig"), new Date(0))).toBe("ok");
    expect(checkGatewayLink("s3cret", "R 2", url.searchParams.get("exp"), url.searchParams.get("sig"), new Date(0))).toBe("invalid");
    expect(checkGatewayLink("other", "R 1", url.searchParams.get("exp"), url.searchParams.get("sig"), new Date(0))).toBe("invalid");
    expect(checkGatewayLink("s3cret", "R 1", url.searchParams.get("exp"), url.searchParams.get("sig"), new Date(2_000_000_001_000))).toBe("expired");
  });
});

/** respData exactly as the 回调 tables of §2.6 and §2.9 list them (one extra field, §1.7). */
const RECHARGE_NOTICE = { requestNo: "R1", code: "0", description: "成功", platformUserNo: "U1", amount: "1234.50", feeMode: "PLATFORM", fee: 0, rechargeWay: "NETBANK_B2C", bankcode: "ВКСН", newField: "kept" };
const WITHDRAW_NOTICE = { code: 0, description: "成功", requestNo: "W1", platformUserNo: "U1", amount: 100.5, fee: "0.00", feeMode: "PLATFORM", withdrawType: "URGENT", bankcardNo: "622202******1234", bankcode: "нхвк" };

describe("reading notices and browser returns", () => {
  it("types a success by its interface: fen, Latin bank codes, withdrawType 0/1, extra fields kept", () => {
    expect(readNotice({ serviceName: "RECHARGE", respData: JSON.stringify(RECHARGE_NOTICE) })).toEqual({
      kind: "success",
      service: "RECHARGE",
      data: { ...RECHARGE_NOTICE, amount: 123_450, fee: 0, bankcode: "BKCH" },
    });
    expect(readNotice({ serviceName: "WITHDRAW", respData: JSON.stringify(WITHDRAW_NOTICE) })).toMatchObject({ kind: "success", data: { amount: 10_050, withdrawType: 1, bankcode: "HXBK", code: "0" } });
  });

  it("a failure needs only the head; an off-shape success or an interface without notices is kept as unknown", () => {
    expect(readNotice({ serviceName: "RECHARGE", respData: '{"requestNo":"R1","code":"200004","description":"可用余额不足"}' })).toMatchObject({ kind: "failure", data: { code: "200004" } });
    expect(readNotice({ serviceName: "RECHARGE", respData: JSON.stringify({ ...RECHARGE_NOTICE, amount: "1.005" }) })).toMatchObject({ kind: "unknown", reason: expect.stringContaining("amount") });
    expect(readNotice({ serviceName: "CONFIRM_LOAN", respData: '{"requestNo":"R","code":"0"}' })).toMatchObject({ kind: "unknown" });
    expect(readNotice({ serviceName: "RECHARGE", respData: "{" })).toMatchObject({ kind: "unknown" });
  });

  it("keys a notice by the canonical service name, requestNo and the status it reports", () => {
    const parsed = parseRespData({ serviceName: "CONFIRM_ COMPENSATORY", platformNo: "P", respData: '{"requestNo":"C1","code":"0"}', sign: "x" });
    expect(parsed.ok && lanmaoNotifyKey(parsed.value as LanmaoNotice)).toBe("CONFIRM_COMPENSATORY:C1:0");
    const enterprise = parseRespData({ serviceName: "ENTERPRISE_REGISTER", platformNo: "P", respData: '{"requestNo":"E1","code":"0","status":"PASSED"}', sign: "x" });
    expect(enterprise.ok && lanmaoNotifyKey(enterprise.value as LanmaoNotice)).toBe("ENTERPRISE_REGISTER:E1:PASSED");
  });

  it("the browser return is shown only when 联银通's signature verifies", () => {
    const respData = JSON.stringify(RECHARGE_NOTICE);
    const fields = new URLSearchParams({ serviceName: "RECHARGE", platformNo: "P", responseType: "CALLBACK", keySerial: "1", respData, sign: lanmaoSign(respData, TEST_CUSTODY_PRIVATE_KEY) });
    expect(readLanmaoReturn(TEST_CUSTODY_PUBLIC_KEY, fields)).toMatchObject({ ok: true, reading: { kind: "success" } });
    const forged = new URLSearchParams(fields);
    forged.set("respData", respData.replace("1234.50", "9234.50"));
    expect(readLanmaoReturn(TEST_CUSTODY_PUBLIC_KEY, forged)).toEqual({ ok: false, reason: "signature" });
    expect(readLanmaoReturn(TEST_CUSTODY_PUBLIC_KEY, new URLSearchParams({ respData }))).toEqual({ ok: false, reason: "malformed" });
  });
});
