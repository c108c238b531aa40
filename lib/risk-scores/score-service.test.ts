import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/risk-score/applicant-data/route";
import { resetEnvCache } from "@/lib/env";
import { riskScoreVendor } from "@/lib/sandbox/risk-score";
import { startSandbox } from "@/lib/sandbox/server";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestProfile, sessionUserOf } from "@/lib/test/risk-factory";
import { attemptRiskScore, requestRiskScore, runRiskScoreRetries } from "./score-service";

/**
 * Both directions over real HTTP: we POST getRiskScore to the sandbox twin, the twin GETs our
 * applicant-data endpoint (signed), scores what it pulled, and answers.
 */
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let consoleServer: http.Server;
let officer: Awaited<ReturnType<typeof createTestUser>>;

const settings = (body: object) =>
  fetch(`${sandbox.url}/risk-score/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const faults = (body: object) =>
  fetch(`${sandbox.url}/_control/faults/risk-score`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const vendorCalls = (zwOrder: string) => sandbox.log.list().filter((e) => e.direction === "in" && e.path.includes("getRiskScore") && e.requestBody?.includes(zwOrder)).length;

beforeAll(async () => {
  // Our endpoint, served the way Next.js would call the route handler.
  consoleServer = http.createServer(async (req, res) => {
    const response = await GET(new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> }));
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((r) => consoleServer.listen(0, "127.0.0.1", r));
  const consoleUrl = `http://127.0.0.1:${(consoleServer.address() as { port: number }).port}`;
  sandbox = await startSandbox({ port: 0, vendors: [riskScoreVendor], stateFile: null, consoleBaseUrl: consoleUrl });
  process.env.SANDBOX_PORT = String(sandbox.port);
  resetEnvCache();
  officer = await createTestUser("LOAN_OFFICER");
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise((r) => consoleServer?.close(r));
});

describe("requesting a risk score", () => {
  it("scores through a real pull of our endpoint and decides against the channel's cut-off", async () => {
    const { profile } = await createTestProfile(sessionUserOf(officer), { channelKind: "REFERRAL" });
    const r = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    expect(r.status).toBe("SCORED");
    expect(r.cutoff).toBe(650);
    expect(Number(r.score)).toBeGreaterThanOrEqual(300);
    expect(r.decision).toBe(Number(r.score) >= 650 ? "pass" : "fail");
    expect(r.zwOrder).toMatch(/^RS\d{11}$/);
    expect(r.pulledAt).not.toBeNull();
  });

  it("the cut-off comes from settings, not from code", async () => {
    await settings({ fixedScore: "640.0" });
    await testDb().appSetting.upsert({ where: { key: "riskScore.cutoffs" }, create: { key: "riskScore.cutoffs", value: { NATURAL: 641, REFERRAL: 630 } }, update: { value: { NATURAL: 641, REFERRAL: 630 } } });
    const { profile } = await createTestProfile(sessionUserOf(officer), { channelKind: "NATURAL" });
    const r = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    expect({ score: Number(r.score), cutoff: r.cutoff, decision: r.decision }).toEqual({ score: 640, cutoff: 641, decision: "fail" });
    await testDb().appSetting.delete({ where: { key: "riskScore.cutoffs" } });
    await settings({ fixedScore: null });
  });

  it("-666666.0 and -77777.0 are model errors, never scores", async () => {
    for (const name of ["模型异常甲", "模型异常乙"]) {
      const { profile } = await createTestProfile(sessionUserOf(officer), { realName: name });
      const r = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
      expect(r).toMatchObject({ status: "MODEL_ERROR", decision: "model-error", score: null });
      expect(["-666666.0", "-77777.0"]).toContain(r.scoreRaw);
    }
  });

  it("an incomplete profile is refused before anything is sent, naming what is missing", async () => {
    const { profile } = await createTestProfile(sessionUserOf(officer), { withReport: false });
    await expect(requestRiskScore(testDb(), sessionUserOf(officer), profile.id)).rejects.toMatchObject({ code: "VALIDATION", i18n: { values: { fields: "operatorReport" } } });
    expect(await testDb().riskScoreRequest.count({ where: { profileId: profile.id } })).toBe(0);
  });

  it("4001 leaves the request pending; the retry job scores it later with the same zw_order", async () => {
    await settings({ rateLimitPerMinute: 0 });
    const { profile } = await createTestProfile(sessionUserOf(officer));
    const first = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    expect(first).toMatchObject({ status: "PENDING", vendorCode: "4001" });
    expect(first.nextAttemptAt).not.toBeNull();
    await settings({ rateLimitPerMinute: 30 });
    await runRiskScoreRetries(testDb(), new Date(Date.now() + 5 * 60_000));
    const after = await testDb().riskScoreRequest.findUniqueOrThrow({ where: { id: first.id } });
    expect(after.status).toBe("SCORED");
    expect(after.zwOrder).toBe(first.zwOrder);
  });

  it("a lost answer is retried with the same zw_order; the vendor's 9002 is answered from the history score", async () => {
    await faults({ malformed: true });
    const { profile } = await createTestProfile(sessionUserOf(officer));
    const first = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    expect(first.status).toBe("PENDING");
    await faults({ malformed: false });
    const second = await attemptRiskScore(testDb(), first.id, new Date(Date.now() + 5 * 60_000));
    expect(second).toMatchObject({ status: "SCORED", fromHistory: true, zwOrder: first.zwOrder });
    expect(vendorCalls(first.zwOrder)).toBe(2);
    expect(await testDb().riskScoreRequest.count({ where: { profileId: profile.id } })).toBe(1);
  });

  it("4002 (no callback address at the vendor) fails as a configuration problem", async () => {
    await settings({ callbackUrl: null });
    const { profile } = await createTestProfile(sessionUserOf(officer));
    const r = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    expect(r).toMatchObject({ status: "FAILED", vendorCode: "4002" });
    await fetch(`${sandbox.url}/risk-score/_sandbox/settings`, { method: "DELETE" });
  });

  it("asking twice while pending reuses the pending request (one order number)", async () => {
    await faults({ http500: true });
    const { profile } = await createTestProfile(sessionUserOf(officer));
    const a = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    const b = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
    await faults({ http500: false });
    expect(b.id).toBe(a.id);
    expect(await testDb().riskScoreRequest.count({ where: { profileId: profile.id } })).toBe(1);
  });

  it("sandbox mode with the vendor's credentials set: console and twin both use them (no 100 签名不匹配)", async () => {
    const saved = { id: process.env.RISK_SCORE_PARTNER_ID, secret: process.env.RISK_SCORE_SECRET };
    process.env.RISK_SCORE_PARTNER_ID = "170117119876";
    process.env.RISK_SCORE_SECRET = "operator-set-secret-0001";
    resetEnvCache();
    try {
      const { profile } = await createTestProfile(sessionUserOf(officer));
      const r = await requestRiskScore(testDb(), sessionUserOf(officer), profile.id);
      expect(r).toMatchObject({ status: "SCORED", vendorCode: "1000" });
      expect(r.pulledAt).not.toBeNull();
    } finally {
      for (const [k, v] of [["RISK_SCORE_PARTNER_ID", saved.id], ["RISK_SCORE_SECRET", saved.secret]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
  });
});
