import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { md5Hex, signHistory, signParams, signingString, verifySignedQuery } from "./sign";

// The secret is the suffix of the document's own example string (and the sandbox's secret).
const SECRET = "7b005bc0e714333ec5af315ee66b4cc";
const DOC_EXAMPLE = "id_num=身份证号&mobile=手机号&partner_id=合作者ID&timestamp=时间戳&zw_order=订单号7b005bc0e714333ec5af315ee66b4cc";
const independentMd5 = (s: string) => createHash("md5").update(Buffer.from(s, "utf8")).digest("hex");

describe("risk-score signParams", () => {
  it("the document's example string", () => {
    expect(independentMd5(DOC_EXAMPLE)).toBe("3f073bfb1c8047dcdb1fdc801d64b578");
    expect(md5Hex(DOC_EXAMPLE)).toBe("3f073bfb1c8047dcdb1fdc801d64b578");
    const fields = { id_num: "身份证号", mobile: "手机号", partner_id: "合作者ID", timestamp: "时间戳", zw_order: "订单号" };
    expect(signingString(fields, SECRET)).toBe(DOC_EXAMPLE);
    expect(signParams(fields, SECRET)).toBe("3f073bfb1c8047dcdb1fdc801d64b578");
  });

  it("sorts keys given out of order, and leaves `sign` out", () => {
    const shuffled = { zw_order: "订单号", timestamp: "时间戳", sign: "whatever", mobile: "手机号", partner_id: "合作者ID", id_num: "身份证号" };
    expect(signingString(shuffled, SECRET)).toBe(DOC_EXAMPLE);
    expect(signParams(shuffled, SECRET)).toBe("3f073bfb1c8047dcdb1fdc801d64b578");
  });

  it("ASCII order, not locale order: upper case before `_` before lower case", () => {
    const params = { ab: "4", a_b: "3", aB: "2", B: "1" };
    expect(signingString(params, SECRET)).toBe(`B=1&aB=2&a_b=3&ab=4${SECRET}`);
    expect(signParams(params, SECRET)).toBe("819c4c49dbaccb0964187b10e7493403");
    expect(["ab", "a_b", "aB", "B"].sort((a, b) => a.localeCompare(b))).not.toEqual(["B", "aB", "a_b", "ab"]);
  });

  it("Chinese values are hashed as UTF-8", () => {
    const params = { zw_order: "CR26010100001", timestamp: "1767225600", real_name: "张三" };
    expect(signParams(params, SECRET)).toBe(independentMd5(`real_name=张三&timestamp=1767225600&zw_order=CR26010100001${SECRET}`));
    expect(signParams(params, SECRET)).toBe("926113f6b8289d8f97d1b304348fbf88");
  });

  it("empty strings are signed as `k=`; null and undefined are left out", () => {
    const base = { mobile: "13800000000", partner_id: "170117110001", timestamp: "1767225600", zw_order: "CR26010100001" };
    expect(signingString({ ...base, id_num: "" }, SECRET)).toBe(
      `id_num=&mobile=13800000000&partner_id=170117110001&timestamp=1767225600&zw_order=CR26010100001${SECRET}`,
    );
    expect(signParams({ ...base, id_num: "" }, SECRET)).toBe("f2857eb5bc0e2e4c2066de910e5a550c");
    expect(signParams({ ...base, id_num: null }, SECRET)).toBe(signParams(base, SECRET));
    expect(signParams({ ...base, id_num: undefined }, SECRET)).toBe(signParams(base, SECRET));
    expect(signParams({ ...base, id_num: "" }, SECRET)).not.toBe(signParams(base, SECRET));
  });

  it("numbers sign as their string form", () => {
    expect(signParams({ timestamp: 1767225600, zw_order: "CR26010100001" }, SECRET)).toBe(
      signParams({ timestamp: "1767225600", zw_order: "CR26010100001" }, SECRET),
    );
    expect(signParams({ timestamp: 1767225600, zw_order: "CR26010100001" }, SECRET)).toBe("f8cc5e8f1488ffc19d11e5441c821614");
  });

  it("history form: md5(partner_id=…&zw_order=… + secret)", () => {
    const expected = independentMd5(`partner_id=170117110001&zw_order=ZL19040900000010289${SECRET}`);
    expect(expected).toBe("0993736239f6e08611c21119b3a132cc");
    expect(signHistory("170117110001", "ZL19040900000010289", SECRET)).toBe(expected);
    expect(signParams({ zw_order: "ZL19040900000010289", partner_id: "170117110001" }, SECRET)).toBe(expected);
  });
});

describe("risk-score verifySignedQuery (our applicant-data endpoint)", () => {
  const NOW = 1767225600;
  const signed = (params: Record<string, string>, secret = SECRET) => new URLSearchParams({ ...params, sign: signParams(params, secret) });
  const verify = (q: URLSearchParams, nowSeconds = NOW) => verifySignedQuery(q, SECRET, { nowSeconds });

  it("accepts a fresh, correctly signed query (pinned vector)", () => {
    const q = signed({ zw_order: "CR26010100001", timestamp: String(NOW) });
    expect(q.get("sign")).toBe("f8cc5e8f1488ffc19d11e5441c821614");
    expect(verify(q)).toEqual({ ok: true });
  });

  it("mobile and id_num take part in the signature when present", () => {
    const params = { zw_order: "CR26010100001", timestamp: String(NOW), mobile: "13800000000", id_num: "110101199003070000" };
    const q = signed(params);
    expect(q.get("sign")).toBe("eb7eb287e4cc0905dc5c603f83cd19b6");
    expect(verify(q)).toEqual({ ok: true });
    q.set("mobile", "13900000000");
    expect(verify(q)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("an empty optional parameter is signed as `k=`", () => {
    expect(verify(signed({ zw_order: "CR1", timestamp: String(NOW), mobile: "" }))).toEqual({ ok: true });
    const q = signed({ zw_order: "CR1", timestamp: String(NOW) });
    q.set("mobile", "");
    expect(verify(q)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("stale and future timestamps beyond ±300 s", () => {
    const q = signed({ zw_order: "CR1", timestamp: String(NOW) });
    expect(verify(q, NOW + 300)).toEqual({ ok: true });
    expect(verify(q, NOW - 300)).toEqual({ ok: true });
    expect(verify(q, NOW + 301)).toEqual({ ok: false, reason: "stale" });
    expect(verify(q, NOW - 301)).toEqual({ ok: false, reason: "stale" });
    expect(verifySignedQuery(q, SECRET, { nowSeconds: NOW + 50, windowSeconds: 30 })).toEqual({ ok: false, reason: "stale" });
  });

  it("missing zw_order, timestamp or sign; a timestamp that is not whole seconds", () => {
    for (const key of ["zw_order", "timestamp", "sign"]) {
      const q = signed({ zw_order: "CR1", timestamp: String(NOW) });
      q.delete(key);
      expect(verify(q)).toEqual({ ok: false, reason: "missing" });
    }
    expect(verify(signed({ zw_order: "", timestamp: String(NOW) }))).toEqual({ ok: false, reason: "missing" });
    expect(verify(signed({ zw_order: "CR1", timestamp: "1767225600.5" }))).toEqual({ ok: false, reason: "missing" });
  });

  it("bad signatures: wrong secret, tampered value, upper case, other lengths, repeated params", () => {
    const params = { zw_order: "CR1", timestamp: String(NOW) };
    expect(verify(signed(params, "another-secret"))).toEqual({ ok: false, reason: "bad-signature" });
    const tampered = signed(params);
    tampered.set("zw_order", "CR2");
    expect(verify(tampered)).toEqual({ ok: false, reason: "bad-signature" });
    const upper = signed(params);
    upper.set("sign", upper.get("sign")!.toUpperCase());
    expect(verify(upper)).toEqual({ ok: false, reason: "bad-signature" });
    for (const sign of ["abc", `${signParams(params, SECRET)}0`, "签".repeat(32)]) {
      expect(verify(new URLSearchParams({ ...params, sign }))).toEqual({ ok: false, reason: "bad-signature" });
    }
    const repeated = signed(params);
    repeated.append("zw_order", "CR1");
    expect(verify(repeated)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("a stale query with a bad signature is reported as bad-signature (no clock hints to strangers)", () => {
    expect(verify(signed({ zw_order: "CR1", timestamp: String(NOW) }, "x"), NOW + 10_000)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("a parameter named __proto__ is signed like any other", () => {
    const q = new URLSearchParams(`zw_order=CR1&timestamp=${NOW}&__proto__=x`);
    q.set("sign", md5Hex(`__proto__=x&timestamp=${NOW}&zw_order=CR1${SECRET}`));
    expect(verify(q)).toEqual({ ok: true });
  });
});
