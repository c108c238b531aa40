import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import { buildSignContent, signaturesMatch, signHistoryQuery, signRiskScoreParams } from "./sign";

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");
const SECRET = riskScoreManifest.sandboxCredentials.RISK_SCORE_SECRET;

describe("risk-score signing (sandbox side)", () => {
  it("reproduces the document's example string and its MD5", () => {
    // The document's own example, copied literally; the credentials' secret is its suffix.
    const literal =
      "id_num=身份证号&mobile=手机号&partner_id=合作者ID&timestamp=时间戳&zw_order=订单号7b005bc0e714333ec5af315ee66b4cc";
    expect(SECRET).toBe("7b005bc0e714333ec5af315ee66b4cc");
    const params = { zw_order: "订单号", sign: "ignored", timestamp: "时间戳", mobile: "手机号", partner_id: "合作者ID", id_num: "身份证号" };
    expect(buildSignContent(params) + SECRET).toBe(literal);
    expect(signRiskScoreParams(params, SECRET)).toBe(md5(literal));
    // Pinned too (computed outside Node), so the console's sign.ts can reuse the vector.
    expect(signRiskScoreParams(params, SECRET)).toBe("3f073bfb1c8047dcdb1fdc801d64b578");
  });

  it("orders keys by ASCII code, whatever order they arrive in", () => {
    const params = { b: "2", a: "1", B: "3", a_b: "4", aa: "5", "1x": "6" };
    // Digits < upper case < "_" < lower case; "a" < "a_b" < "aa" because "_" (0x5F) < "a" (0x61).
    expect(buildSignContent(params)).toBe("1x=6&B=3&a=1&a_b=4&aa=5&b=2");
    expect(signRiskScoreParams(params, "s")).toBe(md5("1x=6&B=3&a=1&a_b=4&aa=5&b=2s"));
  });

  it("hashes Chinese values as UTF-8", () => {
    const params = { real_name: "测试用户", partner_id: "p" };
    const expected = createHash("md5").update(Buffer.from("partner_id=p&real_name=测试用户s", "utf8")).digest("hex");
    expect(signRiskScoreParams(params, "s")).toBe(expected);
    // A latin1 reading of the same string would give another hash: the encoding matters.
    expect(expected).not.toBe(createHash("md5").update(Buffer.from("partner_id=p&real_name=测试用户s", "latin1")).digest("hex"));
  });

  it("keeps empty and null values as `k=` and signs numbers in their string form", () => {
    expect(buildSignContent({ mobile: "", id_num: null, timestamp: 1700000000, zw_order: "Z1" })).toBe(
      "id_num=&mobile=&timestamp=1700000000&zw_order=Z1",
    );
    expect(signRiskScoreParams({ mobile: "", zw_order: "Z1" }, "s")).toBe(md5("mobile=&zw_order=Z1s"));
    expect(signRiskScoreParams({ mobile: "", zw_order: "Z1" }, "s")).not.toBe(md5("zw_order=Z1s"));
  });

  it("signs extra fields too, and never the sign field itself", () => {
    expect(buildSignContent({ zw_order: "Z1", channel: "自然", sign: "x" })).toBe("channel=自然&zw_order=Z1");
  });

  it("signs history queries over partner_id and zw_order only", () => {
    expect(signHistoryQuery("170117110001", "ZL19040900000010289", SECRET)).toBe(
      md5("partner_id=170117110001&zw_order=ZL19040900000010289" + SECRET),
    );
    expect(signHistoryQuery("170117110001", "ZL19040900000010289", SECRET)).toBe("0993736239f6e08611c21119b3a132cc");
  });

  it("compares signatures exactly: wrong case, length, type and multi-byte input all fail", () => {
    const good = md5("x");
    expect(signaturesMatch(good, good)).toBe(true);
    expect(signaturesMatch(good.toUpperCase(), good)).toBe(false);
    expect(signaturesMatch(good.slice(1), good)).toBe(false);
    expect(signaturesMatch(undefined, good)).toBe(false);
    expect(signaturesMatch(12345, good)).toBe(false);
    // Same string length (32) but 34 bytes: must answer false, not throw in timingSafeEqual.
    expect(signaturesMatch(`${good.slice(0, 31)}签`, good)).toBe(false);
  });
});
