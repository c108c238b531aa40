import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/risk-score/applicant-data/route";
import { setLogSink } from "@/lib/logger";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestProfile, createTestScoreRequest, sessionUserOf } from "@/lib/test/risk-factory";

/** Independent of lib/vendors/risk-score/sign.ts: the rule from design.md §2 written out again. */
function signedUrl(params: Record<string, string>, secret: string = riskScoreManifest.sandboxCredentials.RISK_SCORE_SECRET) {
  const base = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("&");
  const sign = crypto.createHash("md5").update(base + secret, "utf8").digest("hex");
  return `http://localhost/api/risk-score/applicant-data?${new URLSearchParams({ ...params, sign })}`;
}
const now = () => String(Math.floor(Date.now() / 1000));
const pull = (url: string) => GET(new Request(url));

let zwOrder = "";
let identity = { idNumber: "", mobile: "" };
const logs: string[] = [];
let restore: ReturnType<typeof setLogSink> | undefined;

beforeAll(async () => {
  const officer = await createTestUser("LOAN_OFFICER");
  const { profile, idNumber, mobile } = await createTestProfile(sessionUserOf(officer));
  identity = { idNumber, mobile };
  zwOrder = (await createTestScoreRequest(profile.id, officer.id)).zwOrder;
  restore = setLogSink((line) => logs.push(line));
});
afterEach(() => {
  // Nothing personal in any log line, whatever the test did.
  const all = logs.join("\n");
  expect(all).not.toContain(identity.idNumber);
  expect(all).not.toContain(identity.mobile);
});

describe("GET /api/risk-score/applicant-data", () => {
  it("answers a signed, fresh pull with exactly the document's fields", async () => {
    const res = await pull(signedUrl({ zw_order: zwOrder, timestamp: now() }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.returnCode).toBe("SUCCESS");
    const allowed = ["customer_info", "customer_extra_info", "channel_id", "customer_bank_info", "consume_info", "loan_days", "loan_type", "loanBangData", "originalLoanBangData"];
    expect(Object.keys(body.data).every((k) => allowed.includes(k))).toBe(true);
    expect(body.data.customer_info).toMatchObject({ real_name: "测试申请人" });
    expect(["男", "女"]).toContain(body.data.customer_info.gender);
    expect(body.data.customer_extra_info).toMatchObject({ relation1: "父母", relation2: "朋友" });
    expect(body.data.customer_extra_info.phone1).toMatch(/^1[3-9]\d{9}$/);
    expect(body.data.channel_id).toBe("AppStore");
    expect(body.data.consume_info.consume_amount).toBe("100000");
    expect(body.data.loan_days).toBe("7");
    expect(body.data.loanBangData).toBeTruthy();
    expect(body.data.originalLoanBangData).toBeTruthy();
    const audit = await testDb().auditLog.findFirst({ where: { action: "riskScore.applicantDataPull", targetId: zwOrder, outcome: "ok" } });
    expect(audit).not.toBeNull();
  });

  it("accepts mobile and id_num when they match the order (the document's example sends them)", async () => {
    const res = await pull(signedUrl({ zw_order: zwOrder, timestamp: now(), mobile: identity.mobile, id_num: identity.idNumber }));
    expect(res.status).toBe(200);
  });

  it.each([
    ["no signature", () => `http://localhost/api/risk-score/applicant-data?zw_order=${zwOrder}&timestamp=${now()}`],
    ["a wrong signature", () => signedUrl({ zw_order: zwOrder, timestamp: now() }, "wrong-secret")],
    ["a stale timestamp", () => signedUrl({ zw_order: zwOrder, timestamp: String(Number(now()) - 301) })],
    ["a future timestamp", () => signedUrl({ zw_order: zwOrder, timestamp: String(Number(now()) + 301) })],
  ])("refuses %s with 401 FAIL and nothing about the applicant", async (_name, url) => {
    const res = await pull(url());
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.returnCode).toBe("FAIL");
    expect(body.data).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("测试申请人");
  });

  it("refuses a tampered parameter (signature no longer matches)", async () => {
    const url = signedUrl({ zw_order: zwOrder, timestamp: now() }).replace(`zw_order=${zwOrder}`, "zw_order=RS00000000000");
    expect((await pull(url)).status).toBe(401);
  });

  it("answers 404 for a correctly signed pull of an order we never asked a score for", async () => {
    const res = await pull(signedUrl({ zw_order: "RS-NEVER-ASKED", timestamp: now() }));
    expect(res.status).toBe(404);
    expect((await res.json()).returnCode).toBe("FAIL");
  });

  it("answers 400 when mobile or id_num does not match the order", async () => {
    const other = identity.mobile.startsWith("139") ? "13800000000" : "13900000000";
    expect((await pull(signedUrl({ zw_order: zwOrder, timestamp: now(), mobile: other }))).status).toBe(400);
    expect((await pull(signedUrl({ zw_order: zwOrder, timestamp: now(), id_num: "11010519491231002X" }))).status).toBe(400);
    const denied = await testDb().auditLog.count({ where: { action: "riskScore.applicantDataPull", targetId: zwOrder, outcome: "denied" } });
    expect(denied).toBeGreaterThanOrEqual(2);
  });
});

afterAll(() => {
  if (restore) setLogSink(restore);
});
