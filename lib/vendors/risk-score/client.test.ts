import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { RISK_SCORE_PATHS, createRiskScoreClient } from "./client";
import { TEST_PARTNER, TEST_SECRET, seededRng, setupVendorHarness, syntheticPerson } from "./test-harness";

const h = setupVendorHarness();
const NOW = new Date("2026-01-01T00:00:00Z");
const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");
const person = syntheticPerson(seededRng(7));
const input = { ...person, zwOrder: "CR26010100001" };
const client = (overrides = {}) => createRiskScoreClient(h.config(overrides), { fetch: globalThis.fetch, now: () => NOW });

describe("risk-score client: getRiskScore", () => {
  it("sends the document's fields, signed, and reads the 返回示例", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: "1000", msg: "success", data: { score: "707.0" } } });
    await expect(client().getRiskScore(input)).resolves.toEqual({ kind: "score", score: 707, raw: "707.0" });

    const [req] = h.server.calls(RISK_SCORE_PATHS.getRiskScore);
    expect(req.method).toBe("POST");
    expect(Object.keys(req.json).sort()).toEqual(["id_num", "mobile", "partner_id", "sign", "timestamp", "zw_order"]);
    expect(req.json).toMatchObject({ id_num: person.idNum, mobile: person.mobile, zw_order: input.zwOrder, partner_id: TEST_PARTNER, timestamp: "1767225600" });
    // Independent reading of the rule, written out by hand.
    const content = `id_num=${person.idNum}&mobile=${person.mobile}&partner_id=${TEST_PARTNER}&timestamp=1767225600&zw_order=CR26010100001`;
    expect(req.json.sign).toBe(md5(content + TEST_SECRET));
  });

  it("code as a number and score as a number", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: 1000, msg: "success", data: { score: 401.52 } } });
    await expect(client().getRiskScore(input)).resolves.toEqual({ kind: "score", score: 401.52, raw: "401.52" });
  });

  it.each([["-666666.0"], ["-77777.0"], [-666666.0], [-77777.0], ["-666666.00"]])("score %s is a model error", async (score) => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: "1000", msg: "success", data: { score } } });
    await expect(client().getRiskScore(input)).resolves.toEqual({ kind: "model-error", raw: String(score) });
  });

  it("9002 → the history score, tagged fromHistory", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: 9002, msg: "该订单号已存在，请勿重复提交！" } });
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: "1000", msg: "success", scores: "401.52" } });
    await expect(client().getRiskScore(input)).resolves.toEqual({ kind: "score", score: 401.52, raw: "401.52", fromHistory: true });

    const [history] = h.server.calls(RISK_SCORE_PATHS.getHistoryScores);
    expect(history.json).toEqual({
      partner_id: TEST_PARTNER,
      zw_order: input.zwOrder,
      sign: md5(`partner_id=${TEST_PARTNER}&zw_order=${input.zwOrder}${TEST_SECRET}`),
    });
  });

  it("9002 → a history model error stays a model error", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: "9002", msg: "该订单号已存在，请勿重复提交！" } });
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: "1000", msg: "success", scores: -77777 } });
    await expect(client().getRiskScore(input)).resolves.toEqual({ kind: "model-error", raw: "-77777", fromHistory: true });
  });

  it("9002 while the history is not there yet → CONFLICT duplicate, retryable", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: 9002, msg: "该订单号已存在，请勿重复提交！" } });
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: 9001, msg: "请求失败，请检测参数！" } });
    await expect(client().getRiskScore(input)).rejects.toMatchObject({ code: "CONFLICT", kind: "refused", vendorCode: "9002", retryable: true });
  });

  it("9002 then a history signature mismatch keeps its meaning", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: 9002, msg: "" } });
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: 100, msg: "签名不匹配" } });
    await expect(client().getRiskScore(input)).rejects.toMatchObject({ code: "VENDOR_CONFIG", vendorCode: "100" });
  });

  it("refuses a bad request before sending anything", async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    const api = createRiskScoreClient(h.config(), { fetch: fetchSpy, now: () => NOW });
    await expect(api.getRiskScore({ ...input, mobile: "12345" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.getRiskScore({ ...input, idNum: "110101199003070000" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.getRiskScore({ ...input, zwOrder: "CR 1&x=y" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(api.getHistoryScore("")).rejects.toMatchObject({ code: "VALIDATION" });
    const millis = createRiskScoreClient(h.config(), { fetch: fetchSpy, now: () => new Date(8.64e15) });
    await expect(millis.getRiskScore(input)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("logs path, status, duration and vendor code, never the ID number or mobile", async () => {
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: 2001, msg: `参数错误！${person.idNum}` } });
    await expect(client().getRiskScore(input)).rejects.toMatchObject({ vendorCode: "2001" });
    h.server.route(RISK_SCORE_PATHS.getRiskScore, { body: { code: "1000", msg: "success", data: { score: "707.0" } } });
    await client().getRiskScore(input);
    const text = h.logs.join("\n");
    expect(text).not.toContain(person.idNum);
    expect(text).not.toContain(person.mobile);
    expect(text).not.toContain(TEST_SECRET);
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ vendor: "risk-score", method: "POST", path: RISK_SCORE_PATHS.getRiskScore, status: 200, vendorCode: "1000" });
    expect(lines.at(-1)).toHaveProperty("durationMs");
    expect(lines[0]).toMatchObject({ level: "warn", vendor: "risk-score", vendorCode: "2001", kind: "refused" });
  });
});

describe("risk-score client: getHistoryScore", () => {
  it("reads `scores`", async () => {
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: "1000", msg: "success", scores: "707.0" } });
    await expect(client().getHistoryScore("ZL19040900000010289")).resolves.toEqual({ kind: "score", score: 707, raw: "707.0" });
    expect(h.server.calls(RISK_SCORE_PATHS.getHistoryScores)[0].json.sign).toBe(
      md5(`partner_id=${TEST_PARTNER}&zw_order=ZL19040900000010289${TEST_SECRET}`),
    );
  });

  it("model error and refusal", async () => {
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: 1000, msg: "success", scores: "-666666.0" } });
    await expect(client().getHistoryScore("ZL1")).resolves.toEqual({ kind: "model-error", raw: "-666666.0" });
    h.server.route(RISK_SCORE_PATHS.getHistoryScores, { body: { code: 9001, msg: "请求失败，请检测参数！" } });
    await expect(client().getHistoryScore("ZL1")).rejects.toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "9001" });
  });
});
