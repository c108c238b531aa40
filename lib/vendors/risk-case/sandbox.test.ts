import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskCaseVendor } from "@/lib/sandbox/risk-case";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { createRiskCaseClient } from "./client";
import { riskCaseManifest } from "./manifest";

/** The console's client against the twin, which signs and checks with its own code. */
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: "127.0.0.1", vendors: [riskCaseVendor], stateFile: null });
  await fetch(`${sandbox.url}/risk-case/_sandbox/settings`, { method: "PUT", body: JSON.stringify({ newestCreateTime: "2026-11-30 12:00:00", badRecordEvery: 7 }) });
});
afterAll(() => sandbox.close());

const client = (secret: string = riskCaseManifest.sandboxCredentials.RISK_CASE_SECRET) =>
  createRiskCaseClient({ url: `${sandbox.url}/risk-case/cases`, accessId: riskCaseManifest.sandboxCredentials.RISK_CASE_ACCESS_ID, secret, timeoutMs: 5000 });

describe("risk-case client ↔ twin", () => {
  it("both sides agree on the signature; rows parse; bad records come back flagged", async () => {
    const page = await client().queryCases({ page: 1, rows: 20, createTimeStart: "2026-11-30 00:00:00", createTimeEnd: "2026-11-30 12:00:00" });
    expect(page.total).toBe(43);
    expect(page.rows).toHaveLength(20);
    expect(page.rows.filter((r) => r.ok).length).toBeGreaterThan(10);
    const flagged = page.rows.filter((r) => !r.ok);
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) expect(f).toMatchObject({ ok: false, issues: "createTime" });
  });

  it("a wrong secret is a configuration refusal", async () => {
    await expect(client("wrong").queryCases({ page: 1, rows: 1 })).rejects.toMatchObject({ code: "VENDOR_CONFIG", vendorCode: "10001" });
  });
});
