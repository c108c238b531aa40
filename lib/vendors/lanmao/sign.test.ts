import { describe, expect, it } from "vitest";
import { lanmaoSign, lanmaoVerify } from "./sign";
import {
  TEST_CUSTODY_PRIVATE_KEY,
  TEST_CUSTODY_PUBLIC_KEY,
  TEST_PLATFORM_PRIVATE_KEY,
  TEST_PLATFORM_PUBLIC_KEY,
  VECTOR_REQ_DATA,
  VECTOR_REQ_SIGN,
  VECTOR_RESP_DATA,
  VECTOR_RESP_SIGN,
} from "./test-keys";

describe("SHA1withRSA (§1.5)", () => {
  it("signs reqData exactly as openssl does", () => {
    expect(lanmaoSign(VECTOR_REQ_DATA, TEST_PLATFORM_PRIVATE_KEY)).toBe(VECTOR_REQ_SIGN);
  });

  it("verifies the custody side's respData vector", () => {
    expect(lanmaoVerify(VECTOR_RESP_DATA, VECTOR_RESP_SIGN, TEST_CUSTODY_PUBLIC_KEY)).toBe(true);
  });

  it("signs the UTF-8 bytes (Chinese text changes the signature)", () => {
    const a = lanmaoSign('{"d":"成功"}', TEST_CUSTODY_PRIVATE_KEY);
    expect(lanmaoVerify(Buffer.from('{"d":"成功"}', "utf8"), a, TEST_CUSTODY_PUBLIC_KEY)).toBe(true);
    expect(lanmaoVerify(Buffer.from('{"d":"成功"}', "latin1"), a, TEST_CUSTODY_PUBLIC_KEY)).toBe(false);
  });

  it.each([
    ["a tampered body", VECTOR_RESP_DATA.replace('"0"', '"1"'), VECTOR_RESP_SIGN, TEST_CUSTODY_PUBLIC_KEY],
    ["one more space", `${VECTOR_RESP_DATA} `, VECTOR_RESP_SIGN, TEST_CUSTODY_PUBLIC_KEY],
    ["the wrong key", VECTOR_RESP_DATA, VECTOR_RESP_SIGN, TEST_PLATFORM_PUBLIC_KEY],
    ["no signature", VECTOR_RESP_DATA, "", TEST_CUSTODY_PUBLIC_KEY],
    ["not Base64", VECTOR_RESP_DATA, "@@@", TEST_CUSTODY_PUBLIC_KEY],
    ["a truncated signature", VECTOR_RESP_DATA, VECTOR_RESP_SIGN.slice(0, 40), TEST_CUSTODY_PUBLIC_KEY],
    ["a broken key", VECTOR_RESP_DATA, VECTOR_RESP_SIGN, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"],
  ])("refuses %s", (_what, data, sign, key) => {
    expect(lanmaoVerify(data, sign, key)).toBe(false);
  });
});
