import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogSink, type LogSink } from "@/lib/logger";
import { sandboxVendorUrl } from "@/lib/vendors/config";
import { riskScoreManifest } from "./manifest";
import { riskScoreVendor } from "@/lib/sandbox/risk-score";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { createRiskScoreClient, type RiskScoreClient } from "./client";
import { verifySignedQuery, type SignedQueryVerdict } from "./sign";
import { seededRng, syntheticPerson } from "./test-harness";

/**
 * The client against the vendor's sandbox twin (written independently from the same
 * document), in process. A small stand-in plays our `GET /api/risk-score/applicant-data`
 * (design.md §2): it checks the vendor's signature with OUR verifySignedQuery and answers
 * the document's data shape for synthetic people.
 */

const { RISK_SCORE_PARTNER_ID: partnerId, RISK_SCORE_SECRET: secret } = riskScoreManifest.sandboxCredentials;
type Applicant = { idNum: string; mobile: string; data: Record<string, unknown> };

function applicantData(rng: () => number, realName: string): Applicant {
  const p = syntheticPerson(rng);
  const contact = () => syntheticPerson(rng).mobile;
  const data = {
    customer_info: { app_type: "3", real_name: realName, gender: "男", nation: "汉" },
    customer_extra_info: {
      user_address: "测试省-测试市-测试区-演示路1号",
      relation1: "父母",
      name1: "测试联系人甲",
      phone1: contact(),
      relation2: "朋友",
      name2: "测试联系人乙",
      phone2: contact(),
    },
    channel_id: "AppStore",
    loan_days: "7",
    loan_type: "mx",
    loanBangData: { report: [{ key: "data_type", value: "运营商" }] },
    originalLoanBangData: { code: 0, message: "正常", name: "测*" },
  };
  return { ...p, data };
}

async function startConsole() {
  const orders = new Map<string, Applicant>();
  const verdicts: SignedQueryVerdict[] = [];
  const queries: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    const reply = (status: number, body: object) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method !== "GET" || url.pathname !== "/api/risk-score/applicant-data") return reply(404, { returnCode: "FAIL", message: "not found" });
    queries.push(url.searchParams);
    const verdict = verifySignedQuery(url.searchParams, secret, { nowSeconds: Math.floor(Date.now() / 1000) });
    verdicts.push(verdict);
    if (!verdict.ok) return reply(verdict.reason === "missing" ? 400 : 401, { returnCode: "FAIL", message: verdict.reason });
    const order = orders.get(url.searchParams.get("zw_order")!);
    if (!order) return reply(404, { returnCode: "FAIL", message: "unknown order" });
    const mobile = url.searchParams.get("mobile");
    const idNum = url.searchParams.get("id_num");
    if ((mobile !== null && mobile !== order.mobile) || (idNum !== null && idNum !== order.idNum)) {
      return reply(400, { returnCode: "FAIL", message: "does not match the order" });
    }
    reply(200, { returnCode: "SUCCESS", data: order.data });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    orders,
    verdicts,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("risk-score client against the sandbox twin", () => {
  let app: Awaited<ReturnType<typeof startConsole>>;
  let sandbox: RunningSandbox;
  let api: RiskScoreClient;
  const rng = seededRng(2026);
  const logs: string[] = [];
  let restoreSink: LogSink;

  beforeAll(async () => {
    restoreSink = setLogSink((line) => logs.push(line));
    app = await startConsole();
    sandbox = await startSandbox({ port: 0, vendors: [riskScoreVendor], stateFile: null, consoleBaseUrl: app.url });
    api = createRiskScoreClient({ baseUrl: sandboxVendorUrl(sandbox.url, riskScoreManifest), partnerId, secret, timeoutMs: 20_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
    await app?.close();
    setLogSink(restoreSink);
  });

  const order = (zwOrder: string, realName = "测试用户") => {
    const applicant = applicantData(rng, realName);
    app.orders.set(zwOrder, applicant);
    return { idNum: applicant.idNum, mobile: applicant.mobile, zwOrder };
  };

  it("scores an order, then answers the same order from history after 9002", async () => {
    const input = order("CRIT0000001");
    const first = await api.getRiskScore(input);
    expect(first.kind).toBe("score");
    expect(first.fromHistory).toBeUndefined();
    if (first.kind !== "score") throw new Error("unreachable");
    expect(first.score).toBeGreaterThanOrEqual(300);
    expect(first.score).toBeLessThanOrEqual(850);
    expect(app.verdicts).toEqual([{ ok: true }]);
    expect(app.queries[0].has("mobile")).toBe(false);

    const second = await api.getRiskScore(input);
    expect(second).toEqual({ ...first, fromHistory: true });
    expect(app.verdicts).toHaveLength(1); // the duplicate was never pulled again
    await expect(api.getHistoryScore(input.zwOrder)).resolves.toEqual({ kind: first.kind, score: first.score, raw: first.raw });
  });

  it("verifies a pull that carries mobile and id_num", async () => {
    const settings = `${sandboxVendorUrl(sandbox.url, riskScoreManifest)}/_sandbox/settings`;
    await fetch(settings, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ sendPiiInCallback: true }) });
    try {
      const input = order("CRIT0000002");
      await expect(api.getRiskScore(input)).resolves.toMatchObject({ kind: "score" });
      expect(app.queries.at(-1)?.get("mobile")).toBe(input.mobile);
      expect(app.verdicts.at(-1)).toEqual({ ok: true });
    } finally {
      await fetch(settings, { method: "DELETE" });
    }
  });

  it("the model-error test name comes back as a model error", async () => {
    await expect(api.getRiskScore(order("CRIT0000003", "模型异常甲"))).resolves.toEqual({ kind: "model-error", raw: "-666666.0" });
  });

  it("4005 names the field our data lacked", async () => {
    const input = order("CRIT0000004");
    delete (app.orders.get(input.zwOrder)!.data.customer_extra_info as Record<string, unknown>).phone2;
    await expect(api.getRiskScore(input)).rejects.toMatchObject({ code: "VALIDATION", kind: "refused", detail: { missingField: "customer_extra_info.phone2" } });
  });

  it("no ID number or mobile reached the log", () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const applicant of app.orders.values()) {
      expect(logs.join("\n")).not.toContain(applicant.idNum);
      expect(logs.join("\n")).not.toContain(applicant.mobile);
    }
  });
});
