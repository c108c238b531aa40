import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import { putFaults } from "../core/test-support";
import { startSandbox, type RunningSandbox } from "../server";
import { riskCaseVendor } from "./index";

const { RISK_CASE_ACCESS_ID: ACCESS, RISK_CASE_SECRET: SECRET } = riskCaseManifest.sandboxCredentials;
const NEWEST = "2026-11-30 12:00:00";

/** The test's own signing, written from design.md §3 (neither the twin's nor the client's). */
function signed(fields: Record<string, string | number>): Record<string, string | number> {
  const body = { accessid: ACCESS, ...fields };
  const text = Object.keys(body)
    .filter((k) => String(body[k as keyof typeof body]) !== "")
    .sort()
    .map((k) => `${k}=${body[k as keyof typeof body]}`)
    .join("&");
  return { ...body, sign: createHash("md5").update(`${text}&key=${SECRET}`).digest("hex").toUpperCase() };
}

let sandbox: RunningSandbox;
async function post(body: unknown) {
  const res = await fetch(`${sandbox.url}/risk-case/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { return_code: number; return_msg?: string; data?: { total: string; rows: Record<string, unknown>[] }; total?: number; rows?: Record<string, unknown>[] } };
}
const settings = (patch: object) => fetch(`${sandbox.url}/risk-case/_sandbox/settings`, { method: "PUT", body: JSON.stringify(patch) });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: "127.0.0.1", vendors: [riskCaseVendor], stateFile: null });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/risk-case/_sandbox/settings`, { method: "DELETE" });
  await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
  await settings({ newestCreateTime: NEWEST, population: 5000 });
});

describe("risk-case twin", () => {
  it("answers a signed page: total as a string inside data, at most `rows` cases, oldest first", async () => {
    const { status, body } = await post(signed({ page: 1, rows: 20 }));
    expect(status).toBe(200);
    expect(body.return_code).toBe(10000);
    expect(body.data!.total).toBe("5000");
    expect(body.data!.rows).toHaveLength(20);
    const times = body.data!.rows.map((r) => r.createTime as string);
    expect([...times].sort()).toEqual(times);
    expect(Object.keys(body.data!.rows[0])).toHaveLength(34);
  });

  it("is deterministic", async () => {
    const a = await post(signed({ page: 7, rows: 20 }));
    const b = await post(signed({ page: 7, rows: 20 }));
    expect(a.body).toEqual(b.body);
  });

  it("the flat envelope puts a numeric total beside return_code (the document's example)", async () => {
    await settings({ envelope: "flat" });
    const { body } = await post(signed({ page: 1, rows: 5 }));
    expect(body).toMatchObject({ return_code: 10000, total: 5000 });
    expect(body.rows).toHaveLength(5);
  });

  it("filters by time window, caseNo, mercNum and agentNo", async () => {
    const window = await post(signed({ page: 1, rows: 20, createTimeStart: "2026-11-30 00:00:00", createTimeEnd: NEWEST }));
    // 12 h at one case every 17 minutes: k = 0..42.
    expect(window.body.data!.total).toBe("43");
    for (const r of window.body.data!.rows) expect((r.createTime as string) >= "2026-11-30 00:00:00").toBe(true);

    const one = window.body.data!.rows[3];
    const byNo = await post(signed({ page: 1, rows: 20, caseNo: one.caseNo as string }));
    expect(byNo.body.data!.rows).toEqual([one]);

    const byMerchant = await post(signed({ page: 1, rows: 20, mercNum: one.mercNum as string }));
    expect(Number(byMerchant.body.data!.total)).toBeGreaterThanOrEqual(1);
    for (const r of byMerchant.body.data!.rows) expect(r.mercNum).toBe(one.mercNum);

    const byAgent = await post(signed({ page: 1, rows: 20, agentNo: one.agentNo as string, createTimeStart: "2026-11-30 00:00:00" }));
    for (const r of byAgent.body.data!.rows) expect(r.agentNo).toBe(one.agentNo);
    expect(byAgent.body.data!.rows.map((r) => r.caseNo)).toContain(one.caseNo);
  });

  it("a page past the end is empty with the true total; an unknown case number matches nothing", async () => {
    expect((await post(signed({ page: 999, rows: 20 }))).body.data).toEqual({ total: "5000", rows: [] });
    expect((await post(signed({ page: 1, rows: 20, caseNo: "20991231000000000000000000001" }))).body.data).toEqual({ total: "0", rows: [] });
    expect((await post(signed({ page: 1, rows: 20, createTimeStart: NEWEST, createTimeEnd: "2026-11-01 00:00:00" }))).body.data!.total).toBe("0");
  });

  it("refuses a bad signature, an unknown accessid, rows over 20 and malformed times", async () => {
    const good = signed({ page: 1, rows: 20 });
    expect((await post({ ...good, sign: "0".repeat(32) })).body).toEqual({ return_code: 10001, return_msg: "签名错误" });
    expect((await post({ ...good, page: 2 })).body.return_code).toBe(10001);
    expect((await post({ ...good, accessid: "someone" })).body).toEqual({ return_code: 10001, return_msg: "accessid无效" });
    expect((await post(signed({ page: 1, rows: 21 }))).body).toMatchObject({ return_code: 10002 });
    expect((await post(signed({ page: 0, rows: 20 }))).body).toMatchObject({ return_code: 10002 });
    expect((await post(signed({ page: 1, rows: 20, createTimeStart: "2026-11-01" }))).body).toMatchObject({ return_code: 10002 });
  });

  it("the badSignature fault refuses every signature; http500 answers 500", async () => {
    await putFaults(sandbox, "risk-case", { badSignature: true });
    expect((await post(signed({ page: 1, rows: 1 }))).body.return_code).toBe(10001);
    await putFaults(sandbox, "risk-case", { badSignature: false, http500: true });
    const res = await fetch(`${sandbox.url}/risk-case/cases`, { method: "POST", body: JSON.stringify(signed({ page: 1, rows: 1 })) });
    expect(res.status).toBe(500);
  });

  it("the change switch alters some cases vendor-side, and only some", async () => {
    const before = (await post(signed({ page: 1, rows: 20, createTimeStart: "2026-10-01 00:00:00" }))).body.data!;
    const all = async () => {
      const rows: Record<string, unknown>[] = [];
      for (let page = 1; page <= Math.ceil(Number(before.total) / 20); page++) rows.push(...(await post(signed({ page, rows: 20, createTimeStart: "2026-10-01 00:00:00" }))).body.data!.rows);
      return rows;
    };
    const a = await all();
    await fetch(`${sandbox.url}/risk-case/_sandbox/change-cases`, { method: "POST" });
    const b = await all();
    const changed = a.filter((row, i) => row.auditStatus !== b[i].auditStatus || row.surveyResult !== b[i].surveyResult);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(a.length / 10);
    expect(b.map((r) => r.caseNo)).toEqual(a.map((r) => r.caseNo));
  });

  it("badRecordEvery sends some records with a malformed createTime", async () => {
    await settings({ badRecordEvery: 5 });
    const rows = (await post(signed({ page: 1, rows: 20, createTimeStart: "2026-11-30 00:00:00" }))).body.data!.rows;
    expect(rows.filter((r) => (r.createTime as string).includes("/")).length).toBeGreaterThan(0);
  });
});
