import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { lanmaoReturnResponse } from "./return-route";

const keys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

function fields(serviceName: string, resp: object, signer = keys.privateKey) {
  const respData = JSON.stringify(resp);
  const sign = crypto.sign("RSA-SHA1", Buffer.from(respData, "utf8"), signer).toString("base64");
  return new URLSearchParams({ serviceName, platformNo: "5000000001", responseType: "CALLBACK", keySerial: "1", respData, sign });
}

const register = {
  requestNo: "REG-1",
  code: "0",
  description: "成功",
  platformUserNo: "U1",
  realName: "张三丰",
  idCardType: "G2_IDCARD",
  userRole: "NORMAL",
  idCardNo: "11010519491231002X",
  mobile: "13912345678",
  bankcardNo: "622202******3445",
  bankcode: "ICBK",
  accessType: "FULL_CHECKED",
};

describe("browser return page", () => {
  it("shows a verified POST's outcome, in the visitor's language, without personal data", async () => {
    const res = await lanmaoReturnResponse(
      new Request("http://localhost/api/callbacks/lanmao/return", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "en-US,en;q=0.9" },
        body: fields("PERSONAL_REGISTER", register).toString(),
      }),
      keys.publicKey,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("The operation was completed");
    expect(html).toContain("REG-1");
    for (const secret of ["张三丰", "11010519491231002X", "13912345678", "3445"]) expect(html).not.toContain(secret);
  });

  it("shows a failure from a GET in Chinese by default", async () => {
    const q = fields("RECHARGE", { requestNo: "RC-9", code: "100001", description: "系统错误" });
    const res = await lanmaoReturnResponse(new Request(`http://localhost/api/callbacks/lanmao/return?${q}`), keys.publicKey);
    const html = await res.text();
    expect(html).toContain("操作未成功");
    expect(html).toContain("100001 系统错误");
  });

  it("shows nothing but the refusal for a forged or tampered return", async () => {
    const forged = await lanmaoReturnResponse(new Request(`http://localhost/r?${fields("RECHARGE", { requestNo: "RC-1", code: "0" }, other)}`), keys.publicKey);
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toContain("RC-1");
    const q = fields("RECHARGE", { requestNo: "RC-2", code: "100001" });
    q.set("respData", q.get("respData")!.replace("100001", "0"));
    const tampered = await lanmaoReturnResponse(new Request(`http://localhost/r?${q}`), keys.publicKey);
    expect(tampered.status).toBe(401);
  });
});
