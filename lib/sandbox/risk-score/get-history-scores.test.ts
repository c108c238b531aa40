import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { putFaults } from "../core/test-support";
import { makeApplicant, seededRng } from "./test-console";
import {
  getHistoryScores,
  getRiskScore,
  nextOrder,
  PARTNER_ID,
  SECRET,
  settings,
  signedHistoryRequest,
  signedScoreRequest,
  startRiskScoreSandbox,
} from "./test-client";

const rng = seededRng(404);

/** Scores one fresh synthetic applicant and returns the order and the score answered. */
async function scoreOne(setup: Awaited<ReturnType<typeof startRiskScoreSandbox>>) {
  const applicant = makeApplicant(rng);
  const zwOrder = nextOrder();
  setup.consoleStub.applicants.set(zwOrder, applicant);
  const reply = await getRiskScore(setup.sandbox, signedScoreRequest(applicant, zwOrder));
  return { applicant, zwOrder, score: (reply.body.data as { score: string }).score };
}

describe("risk-score sandbox: getHistoryScores and settings", () => {
  let setup: Awaited<ReturnType<typeof startRiskScoreSandbox>>;
  beforeAll(async () => {
    setup = await startRiskScoreSandbox();
  });
  afterAll(async () => {
    await setup.sandbox.close();
    await setup.consoleStub.close();
  });

  it("returns a scored order's score as a string under `scores`", async () => {
    const { zwOrder, score } = await scoreOne(setup);
    expect(score).toMatch(/^\d{3}\.\d$/);
    const reply = await getHistoryScores(setup.sandbox, signedHistoryRequest(zwOrder));
    expect(reply).toMatchObject({ status: 200, body: { code: "1000", msg: "success", scores: score } });
  });

  it("answers 9001 for an order it never scored", async () => {
    const reply = await getHistoryScores(setup.sandbox, signedHistoryRequest(nextOrder()));
    expect(reply.body).toEqual({ code: 9001, msg: "请求失败，请检测参数！" });
  });

  it("answers 100 for a bad sign or an unknown partner, 2001 for an empty zw_order", async () => {
    const { zwOrder } = await scoreOne(setup);
    const good = signedHistoryRequest(zwOrder);
    for (const body of [
      { ...good, sign: good.sign.toUpperCase() },
      { ...good, zw_order: nextOrder() },
      signedHistoryRequest(zwOrder, "170117119999", SECRET),
      signedHistoryRequest(zwOrder, PARTNER_ID, "not-the-secret"),
    ]) {
      expect((await getHistoryScores(setup.sandbox, body)).body).toEqual({ code: 100, msg: "签名不匹配" });
    }
    expect((await getHistoryScores(setup.sandbox, signedHistoryRequest(""))).body).toEqual({ code: 2001, msg: "参数错误！" });
  });

  it("keeps the score when the answer is cut short (malformed fault): 9002, then history recovers it", async () => {
    await putFaults(setup.sandbox, "risk-score", { malformed: true });
    const applicant = makeApplicant(rng);
    const zwOrder = nextOrder();
    setup.consoleStub.applicants.set(zwOrder, applicant);
    const res = await fetch(`${setup.sandbox.url}/risk-score/Partner/FengKong/getRiskScore`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(signedScoreRequest(applicant, zwOrder)),
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    await putFaults(setup.sandbox, "risk-score", { malformed: false });

    expect((await getRiskScore(setup.sandbox, signedScoreRequest(applicant, zwOrder))).body.code).toBe(9002);
    const history = await getHistoryScores(setup.sandbox, signedHistoryRequest(zwOrder));
    expect(history.body).toMatchObject({ code: "1000", scores: expect.stringMatching(/^\d{3}\.\d$/) });
  });

  it("shows, patches, validates and resets the settings", async () => {
    const defaults = {
      rateLimitPerMinute: 30,
      callbackUrl: `${setup.consoleStub.url}/api/risk-score/applicant-data`,
      sendPiiInCallback: false,
      pullTimeoutMs: 10_000,
      fixedScore: null,
    };
    expect((await settings(setup.sandbox, "GET")).body).toEqual(defaults);
    const patched = await settings(setup.sandbox, "PUT", { rateLimitPerMinute: 5, sendPiiInCallback: true });
    expect(patched).toEqual({ status: 200, body: { ...defaults, rateLimitPerMinute: 5, sendPiiInCallback: true } });
    for (const bad of [{ rate_limit: 5 }, { callbackUrl: "ftp://x" }, { fixedScore: 640 }, { rateLimitPerMinute: -1 }, "{"]) {
      expect((await settings(setup.sandbox, "PUT", bad)).status).toBe(400);
    }
    expect((await settings(setup.sandbox, "DELETE")).body).toEqual(defaults);
  });
});

describe("risk-score sandbox: state across a restart", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "risk-score-state-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("still knows scored orders (history, 9002) and the settings after a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await startRiskScoreSandbox(stateFile);
    const { applicant, zwOrder, score } = await scoreOne(first);
    await settings(first.sandbox, "PUT", { fixedScore: "700.0" });
    await first.sandbox.close();
    await first.consoleStub.close();

    const second = await startRiskScoreSandbox(stateFile);
    try {
      expect((await getHistoryScores(second.sandbox, signedHistoryRequest(zwOrder))).body.scores).toBe(score);
      second.consoleStub.applicants.set(zwOrder, applicant);
      expect((await getRiskScore(second.sandbox, signedScoreRequest(applicant, zwOrder))).body.code).toBe(9002);
      expect((await settings(second.sandbox, "GET")).body.fixedScore).toBe("700.0");
    } finally {
      await second.sandbox.close();
      await second.consoleStub.close();
    }
  });
});
