import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { riskCaseSignaturesEqual, riskCaseSigningString, signRiskCaseRequest } from "./sign";

const SECRET = "risk-case-sandbox-secret";
const independentMd5 = (s: string) => createHash("md5").update(Buffer.from(s, "utf8")).digest("hex").toUpperCase();

// The document's 请求示例 fields (its `sign` was made with a secret we do not know).
const DOC_REQUEST = {
  caseNo: "20230511155524394956750290100",
  mercNum: "833588696325",
  page: 1,
  rows: 10,
  accessid: "4028805b6e86d179016e874f6c4200ad",
};
const DOC_STRING =
  "accessid=4028805b6e86d179016e874f6c4200ad&caseNo=20230511155524394956750290100&mercNum=833588696325&page=1&rows=10&key=risk-case-sandbox-secret";

describe("risk-case sign", () => {
  it("the document's request example, built by hand", () => {
    expect(riskCaseSigningString(DOC_REQUEST, SECRET)).toBe(DOC_STRING);
    expect(independentMd5(DOC_STRING)).toBe("690156A2CCBC991A2CF88AF9851EF8FA");
    expect(signRiskCaseRequest(DOC_REQUEST, SECRET)).toBe("690156A2CCBC991A2CF88AF9851EF8FA");
  });

  it("leaves `sign` out and ignores the given key order", () => {
    const shuffled = { rows: 10, sign: "975077BFC098C592C721A3948A97460F", accessid: DOC_REQUEST.accessid, page: 1, mercNum: DOC_REQUEST.mercNum, caseNo: DOC_REQUEST.caseNo };
    expect(signRiskCaseRequest(shuffled, SECRET)).toBe(signRiskCaseRequest(DOC_REQUEST, SECRET));
  });

  it("leaves empty values out: '', null and undefined sign alike", () => {
    const base = { page: 1, rows: 20, accessid: "a" };
    expect(riskCaseSigningString({ ...base, caseNo: "", mercNum: null, agentNo: undefined }, SECRET)).toBe(`accessid=a&page=1&rows=20&key=${SECRET}`);
  });

  it("ASCII order puts upper case before lower case", () => {
    expect(riskCaseSigningString({ createTimeStart: "x", Z: "1", accessid: "a" }, "s")).toBe("Z=1&accessid=a&createTimeStart=x&key=s");
  });

  it("times with a space and Chinese values sign as UTF-8", () => {
    const params = { accessid: "a", createTimeStart: "2026-11-01 00:00:00", mercNum: "商户", page: "1", rows: 20 };
    expect(signRiskCaseRequest(params, SECRET)).toBe(independentMd5(`accessid=a&createTimeStart=2026-11-01 00:00:00&mercNum=商户&page=1&rows=20&key=${SECRET}`));
  });

  it("upper-case hex, 32 characters; a different secret changes it", () => {
    const sig = signRiskCaseRequest(DOC_REQUEST, SECRET);
    expect(sig).toMatch(/^[0-9A-F]{32}$/);
    expect(signRiskCaseRequest(DOC_REQUEST, "other")).not.toBe(sig);
  });

  it("constant-time compare", () => {
    expect(riskCaseSignaturesEqual("ABC", "ABC")).toBe(true);
    expect(riskCaseSignaturesEqual("ABC", "ABD")).toBe(false);
    expect(riskCaseSignaturesEqual("ABC", "ABCD")).toBe(false);
  });
});
