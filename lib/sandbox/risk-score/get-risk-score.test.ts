import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { putFaults } from "../core/test-support";
import type { RunningSandbox } from "../server";
import { deriveRiskScore } from "./score";
import { makeApplicant, seededRng, type PullAnswer, type startTestConsole, type SyntheticApplicant } from "./test-console";
import { getRiskScore, nextOrder, nowSeconds, settings, signedScoreRequest, startRiskScoreSandbox } from "./test-client";

const ERR = {
  100: { code: 100, msg: "签名不匹配" },
  2001: { code: 2001, msg: "参数错误！" },
  4001: { code: 4001, msg: "请求到上限！" },
  4002: { code: 4002, msg: "请先配置回调地址！" },
  9001: { code: 9001, msg: "请求失败，请检测参数！" },
  9002: { code: 9002, msg: "该订单号已存在，请勿重复提交！" },
  9003: { code: 9003, msg: "非法返回，请联系相关人员核查！" },
};

describe("risk-score sandbox: getRiskScore", () => {
  let sandbox: RunningSandbox;
  let consoleStub: Awaited<ReturnType<typeof startTestConsole>>;
  const rng = seededRng(2026);

  /** A synthetic applicant the console stub knows under a fresh order number. */
  function enrol(name?: string): { applicant: SyntheticApplicant; zwOrder: string } {
    const applicant = makeApplicant(rng, name);
    const zwOrder = nextOrder();
    consoleStub.applicants.set(zwOrder, applicant);
    return { applicant, zwOrder };
  }

  beforeAll(async () => {
    ({ sandbox, consoleStub } = await startRiskScoreSandbox());
  });
  afterAll(async () => {
    await sandbox.close();
    await consoleStub.close();
  });
  beforeEach(async () => {
    await settings(sandbox, "DELETE");
    // The default 30/min would trip over this file's own traffic; the limit has its own test.
    await settings(sandbox, "PUT", { rateLimitPerMinute: 10_000 });
    await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
    consoleStub.setOverride(null);
    consoleStub.calls.length = 0;
  });

  it("pulls the applicant with a signed GET and answers a score (code \"1000\" as a string)", async () => {
    const { applicant, zwOrder } = enrol();
    const reply = await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ code: "1000", msg: "success", data: { score: deriveRiskScore(applicant.idNum, applicant.data) } });
    expect((reply.body.data as { score: string }).score).toMatch(/^\d{3}\.\d$/);

    expect(consoleStub.calls).toHaveLength(1);
    const [call] = consoleStub.calls;
    expect(call.signatureValid).toBe(true);
    expect(Object.keys(call.query).sort()).toEqual(["sign", "timestamp", "zw_order"]);
    expect(call.query.zw_order).toBe(zwOrder);
    expect(Math.abs(Number(call.query.timestamp) - nowSeconds())).toBeLessThanOrEqual(5);
    // No personal data in the URL by default, under any key.
    expect(Object.values(call.query)).not.toContain(applicant.mobile);
    expect(Object.values(call.query)).not.toContain(applicant.idNum);
  });

  it("signs extra fields the console sends, Chinese values included", async () => {
    const { applicant, zwOrder } = enrol();
    const withExtra = signedScoreRequest(applicant, zwOrder, { channel: "自然渠道" });
    expect((await getRiskScore(sandbox, withExtra)).body.code).toBe("1000");

    const other = enrol();
    const signedWithout = signedScoreRequest(other.applicant, other.zwOrder);
    expect((await getRiskScore(sandbox, { ...signedWithout, channel: "自然渠道" })).body).toEqual(ERR[100]);
  });

  it("answers 100 (a number) for a bad, upper-case or missing sign and an unknown partner, without pulling", async () => {
    const { applicant, zwOrder } = enrol();
    const good = signedScoreRequest(applicant, zwOrder);
    const bodies = [
      { ...good, sign: "0".repeat(32) },
      { ...good, sign: good.sign.toUpperCase() },
      { ...good, sign: undefined },
      { ...good, mobile: applicant.mobile.replace(/\d$/, (d) => String((Number(d) + 1) % 10)) },
      signedScoreRequest(applicant, zwOrder, { partner_id: "170117119999" }),
    ];
    for (const body of bodies) {
      const reply = await getRiskScore(sandbox, body);
      expect(reply).toMatchObject({ status: 200, body: ERR[100] });
    }
    expect(consoleStub.calls).toHaveLength(0);
  });

  it("answers 2001 for empty or missing params (signed with `k=`), a non-numeric timestamp, a non-JSON body", async () => {
    const { applicant, zwOrder } = enrol();
    const cases = [
      signedScoreRequest(applicant, zwOrder, { id_num: "" }),
      signedScoreRequest(applicant, zwOrder, { mobile: undefined }),
      signedScoreRequest(applicant, zwOrder, { zw_order: "" }),
      signedScoreRequest(applicant, zwOrder, { timestamp: "" }),
      signedScoreRequest(applicant, zwOrder, { timestamp: "2026-01-01 00:00:00" }),
    ];
    for (const body of cases) expect((await getRiskScore(sandbox, body)).body).toEqual(ERR[2001]);
    expect((await getRiskScore(sandbox, "not json")).body).toEqual(ERR[2001]);
    expect((await getRiskScore(sandbox, "[1,2]")).body).toEqual(ERR[2001]);
    expect(consoleStub.calls).toHaveLength(0);
  });

  it("answers 4001 once the per-minute limit is used up (0 refuses at once)", async () => {
    await settings(sandbox, "PUT", { rateLimitPerMinute: 0 });
    const first = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(first.applicant, first.zwOrder))).body).toEqual(ERR[4001]);

    // A sandbox of its own, so the window holds no calls from the other tests.
    const own = await startRiskScoreSandbox();
    try {
      expect((await settings(own.sandbox, "GET")).body.rateLimitPerMinute).toBe(30);
      await settings(own.sandbox, "PUT", { rateLimitPerMinute: 2 });
      const codes: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        const applicant = makeApplicant(rng);
        const zwOrder = nextOrder();
        own.consoleStub.applicants.set(zwOrder, applicant);
        codes.push((await getRiskScore(own.sandbox, signedScoreRequest(applicant, zwOrder))).body.code);
      }
      expect(codes).toEqual(["1000", "1000", 4001, 4001]);
    } finally {
      await own.sandbox.close();
      await own.consoleStub.close();
    }
  });

  it("answers 9002 for an order already scored, and for one being scored right now", async () => {
    const { applicant, zwOrder } = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body.code).toBe("1000");
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body).toEqual(ERR[9002]);

    await settings(sandbox, "PUT", { pullTimeoutMs: 300 });
    consoleStub.setOverride(() => "hang");
    const racing = enrol();
    const replies = await Promise.all([0, 1].map(() => getRiskScore(sandbox, signedScoreRequest(racing.applicant, racing.zwOrder))));
    expect(replies.map((r) => r.body.code).sort()).toEqual([9002, 9003]);
  });

  it("answers 9001 for a timestamp more than 300 s off (or in milliseconds), accepts 299 s", async () => {
    const { applicant, zwOrder } = enrol();
    for (const timestamp of [nowSeconds() - 301, nowSeconds() + 301, Date.now()]) {
      const reply = await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder, { timestamp: String(timestamp) }));
      expect(reply.body).toEqual(ERR[9001]);
    }
    const reply = await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder, { timestamp: String(nowSeconds() - 299) }));
    expect(reply.body.code).toBe("1000");
  });

  it("answers 4002 when the callback address is unset, without pulling", async () => {
    expect((await settings(sandbox, "PUT", { callbackUrl: null })).body.callbackUrl).toBeNull();
    const { applicant, zwOrder } = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body).toEqual(ERR[4002]);
    expect(consoleStub.calls).toHaveLength(0);
  });

  it("answers 9003 when the pull fails, and scores nothing so the order can be sent again", async () => {
    const { applicant, zwOrder } = enrol();
    await settings(sandbox, "PUT", { pullTimeoutMs: 300 });
    const failures: Array<() => PullAnswer> = [
      () => ({ status: 500, body: { returnCode: "SUCCESS", data: applicant.data } }),
      () => ({ status: 200, body: { returnCode: "FAIL", message: "no such order" } }),
      () => ({ status: 200, body: "<html>gateway</html>" }),
      () => ({ status: 200, body: { returnCode: "SUCCESS" } }),
      () => "hang",
    ];
    for (const failure of failures) {
      consoleStub.setOverride(failure);
      const reply = await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder));
      expect(reply.body).toEqual(ERR[9003]);
      expect(reply.note).toMatch(/pull/);
    }
    consoleStub.setOverride(null);
    // An order the console does not know: its 404 is a failed pull too.
    const unknown = signedScoreRequest(applicant, nextOrder());
    expect((await getRiskScore(sandbox, unknown)).body).toEqual(ERR[9003]);
    // Nobody listening at the callback address.
    await settings(sandbox, "PUT", { callbackUrl: "http://127.0.0.1:9/api/risk-score/applicant-data" });
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).note).toBe("pull failed to connect");
    await settings(sandbox, "DELETE");
    await settings(sandbox, "PUT", { rateLimitPerMinute: 10_000 });

    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body.code).toBe("1000");
  });

  it("signs the pull wrongly under the badSignature fault, so the console's 401 becomes 9003", async () => {
    await putFaults(sandbox, "risk-score", { badSignature: true });
    const { applicant, zwOrder } = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body).toEqual(ERR[9003]);
    expect(consoleStub.calls.map((c) => c.signatureValid)).toEqual([false]);
  });

  it("answers 4005 naming the first missing required field of the pulled data", async () => {
    const { applicant, zwOrder } = enrol();
    delete (applicant.data.customer_extra_info as Record<string, unknown>).phone2;
    delete applicant.data.originalLoanBangData;
    const reply = await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder));
    expect(reply.body).toEqual({ code: 4005, msg: "回调数据customer_extra_info.phone2缺失，请自检!" });
  });

  it("answers the document's model-error scores with code \"1000\" for the test names", async () => {
    const first = enrol("模型异常甲");
    const second = enrol("模型异常乙");
    expect((await getRiskScore(sandbox, signedScoreRequest(first.applicant, first.zwOrder))).body).toEqual({
      code: "1000",
      msg: "success",
      data: { score: "-666666.0" },
    });
    expect((await getRiskScore(sandbox, signedScoreRequest(second.applicant, second.zwOrder))).body.data).toEqual({ score: "-77777.0" });
  });

  it("puts mobile and id_num in the pull URL, signed, when sendPiiInCallback is on; fixedScore pins the score", async () => {
    await settings(sandbox, "PUT", { sendPiiInCallback: true, fixedScore: "640.0" });
    const { applicant, zwOrder } = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body.data).toEqual({ score: "640.0" });
    const [call] = consoleStub.calls;
    expect(call.query).toMatchObject({ zw_order: zwOrder, mobile: applicant.mobile, id_num: applicant.idNum });
    expect(call.signatureValid).toBe(true);
  });

  it("signs a query already present in a configured callback URL", async () => {
    await settings(sandbox, "PUT", { callbackUrl: `${consoleStub.url}/api/risk-score/applicant-data?tenant=演示` });
    const { applicant, zwOrder } = enrol();
    expect((await getRiskScore(sandbox, signedScoreRequest(applicant, zwOrder))).body.code).toBe("1000");
    expect(consoleStub.calls[0]).toMatchObject({ signatureValid: true, query: { tenant: "演示", zw_order: zwOrder } });
  });
});
