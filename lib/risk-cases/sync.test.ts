import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { riskCaseVendor } from "@/lib/sandbox/risk-case";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { testDb } from "@/lib/test/factories";
import { createRiskCaseClient, type RiskCaseClient } from "@/lib/vendors/risk-case/client";
import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import { fromWireTime } from "@/lib/vendors/risk-case/transform";
import { decryptPii } from "@/lib/pii/vault";
import { runRefreshSync, runWindowSync } from "./sync";

/**
 * The sync against the twin over HTTP, into the test database: first run, flagged records,
 * workflow kept across syncs, vendor-side changes in the history, failure mid-way and resume.
 */
const NEWEST = "2026-11-30 12:00:00";
const NOW = new Date(fromWireTime(NEWEST)!.getTime() + 60_000);
const db = testDb();
let sandbox: RunningSandbox;
let client: RiskCaseClient;

const settings = (patch: object) => fetch(`${sandbox.url}/risk-case/_sandbox/settings`, { method: "PUT", body: JSON.stringify(patch) });

async function resetTables() {
  await db.$executeRawUnsafe('TRUNCATE "risk_case_changes", "risk_case_rejects", "risk_case_sync_runs" RESTART IDENTITY');
  await db.$executeRawUnsafe('ALTER TABLE "risk_case_notes" DISABLE TRIGGER "risk_case_notes_no_update"');
  await db.$executeRawUnsafe('TRUNCATE "risk_case_notes", "risk_cases" CASCADE');
  await db.$executeRawUnsafe('ALTER TABLE "risk_case_notes" ENABLE TRIGGER "risk_case_notes_no_update"');
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: "127.0.0.1", vendors: [riskCaseVendor], stateFile: null });
  const { RISK_CASE_ACCESS_ID, RISK_CASE_SECRET } = riskCaseManifest.sandboxCredentials;
  client = createRiskCaseClient({ url: `${sandbox.url}/risk-case/cases`, accessId: RISK_CASE_ACCESS_ID, secret: RISK_CASE_SECRET, timeoutMs: 5000 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await resetTables();
  await fetch(`${sandbox.url}/risk-case/_sandbox/settings`, { method: "DELETE" });
  await fetch(`${sandbox.url}/_control/faults`, { method: "DELETE" });
  await settings({ newestCreateTime: NEWEST, population: 300, badRecordEvery: 50 });
});

describe("risk-case window sync", () => {
  it("first run pages through the whole look-back, keeps flagged records raw and counts them", async () => {
    const run = await runWindowSync(db, client, { trigger: "manual", now: NOW });
    expect(run).toMatchObject({ status: "SUCCEEDED", pagesDone: 15, pagesTotal: 15, rowsSeen: 300 });
    expect(run.counts).toEqual({ created: 300, changed: 0, flagged: 6, rejected: 0 });
    expect(await db.riskCase.count()).toBe(300);
    const flagged = await db.riskCase.findMany({ where: { schemaValid: false } });
    expect(flagged).toHaveLength(6);
    expect(flagged[0].schemaIssues).toBe("createTime");
    expect(flagged[0].mercNum).toMatch(/^8331/);
    // Personal fields are encrypted and masked; the raw record is encrypted bytes.
    const one = await db.riskCase.findFirstOrThrow({ where: { legalPhoneEnc: { not: null } } });
    expect(one.legalPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(decryptPii(one.legalPhoneEnc!)).toMatch(/^1\d{10}$/);
    expect(Buffer.from(one.rawEnc).toString("utf8")).not.toContain(decryptPii(one.legalPhoneEnc!));
  });

  it("the next run starts at the last window's end minus the overlap, and keeps analysts' work", async () => {
    await runWindowSync(db, client, { trigger: "manual", now: NOW });
    const taken = await db.riskCase.findFirstOrThrow({ orderBy: { createTime: "desc" } });
    await db.riskCase.update({ where: { id: taken.id }, data: { status: "INVESTIGATING", conclusionNote: null, version: { increment: 1 } } });

    const second = await runWindowSync(db, client, { trigger: "schedule", now: new Date(NOW.getTime() + 5 * 60_000) });
    expect(second.windowStart!.getTime()).toBe(NOW.getTime() - 30 * 60_000);
    expect(second.counts.created).toBe(0);
    expect(second.rowsSeen).toBeGreaterThan(0);
    expect((await db.riskCase.findUniqueOrThrow({ where: { id: taken.id } })).status).toBe("INVESTIGATING");
  });

  it("a vendor failing mid-sync stops it where it was; the next run resumes from that page", async () => {
    let calls = 0;
    const flaky: RiskCaseClient = {
      async queryCases(q) {
        calls++;
        // The third request meets a real 500 from the twin.
        if (calls === 3) await fetch(`${sandbox.url}/_control/faults/risk-case`, { method: "PUT", body: JSON.stringify({ failNext: 1 }) });
        return client.queryCases(q);
      },
    };
    const failed = await runWindowSync(db, flaky, { trigger: "manual", now: NOW });
    expect(failed).toMatchObject({ status: "FAILED", pagesDone: 2, nextPage: 3 });
    expect(failed.error).toContain("500");
    expect(await db.riskCase.count()).toBe(40);

    const resumed = await runWindowSync(db, client, { trigger: "schedule", now: new Date(NOW.getTime() + 60_000) });
    expect(resumed).toMatchObject({ status: "SUCCEEDED", resumedFrom: failed.runId, pagesDone: 15 });
    expect(resumed.windowStart).toEqual(failed.windowStart);
    expect(resumed.counts.created).toBe(260);
    expect(await db.riskCase.count()).toBe(300);
  });

  it("refuses a reversed window and a second run at the same time", async () => {
    await expect(runWindowSync(db, client, { trigger: "cli", from: NOW, to: new Date(NOW.getTime() - 1000) })).rejects.toMatchObject({ code: "VALIDATION" });
    await db.riskCaseSyncRun.create({ data: { kind: "WINDOW", trigger: "manual", heartbeatAt: NOW } });
    await expect(runWindowSync(db, client, { trigger: "manual", now: NOW })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an explicit window (CLI backfill) does not move the incremental cursor", async () => {
    const from = fromWireTime("2026-11-30 00:00:00")!;
    const run = await runWindowSync(db, client, { trigger: "cli", from, to: NOW, now: NOW });
    expect(run.counts.created).toBe(43);
    const next = await runWindowSync(db, client, { trigger: "schedule", now: NOW });
    expect(next.windowStart!.getTime()).toBe(NOW.getTime() - 90 * 86_400_000);
    // The CLI without a window is the incremental sync: it continues from the schedule's cursor.
    const cli = await runWindowSync(db, client, { trigger: "cli", now: new Date(NOW.getTime() + 60_000) });
    expect(cli.windowStart!.getTime()).toBe(NOW.getTime() - 30 * 60_000);
  });
});

describe("risk-case refresh of open cases", () => {
  it("sees vendor-side changes by caseNo, writes them to the history, leaves the workflow alone", async () => {
    await settings({ badRecordEvery: 0 });
    await runWindowSync(db, client, { trigger: "manual", now: NOW });
    await db.riskCase.updateMany({ data: { status: "WAITING" } });
    for (let i = 0; i < 3; i++) await fetch(`${sandbox.url}/risk-case/_sandbox/change-cases`, { method: "POST" });

    const later = new Date(NOW.getTime() + 7 * 3600_000);
    const refresh = await runRefreshSync(db, client, { now: later, batch: 300 });
    expect(refresh.status).toBe("SUCCEEDED");
    expect(refresh.pagesDone).toBe(300);
    expect(refresh.counts.changed).toBeGreaterThan(0);
    const changes = await db.riskCaseChange.findMany({ include: { case: true } });
    expect(changes.length).toBe(refresh.counts.changed);
    const fields = changes.flatMap((c) => (c.changes as Array<{ field: string }>).map((x) => x.field));
    expect(fields).toContain("auditStatus");
    expect(new Set(changes.map((c) => c.case.status))).toEqual(new Set(["WAITING"]));
  });
});

describe("risk-case pass-through lookup", () => {
  it("asks the vendor for a case or merchant not held yet, stores it, and says none for unknown numbers", async () => {
    const { lookupRiskCase } = await import("./lookup");
    const page = await client.queryCases({ page: 1, rows: 1, createTimeStart: "2026-11-30 00:00:00" });
    const row = page.rows[0];
    if (!row.ok) throw new Error("expected a valid row");
    const first = await lookupRiskCase(db, client, row.row.caseNo);
    expect(first).toMatchObject({ kind: "case", fromVendor: true });
    expect(await lookupRiskCase(db, client, row.row.caseNo)).toMatchObject({ kind: "case", fromVendor: false });

    const merchant = await lookupRiskCase(db, client, row.row.mercNum!);
    expect(merchant).toMatchObject({ kind: "merchant", mercNum: row.row.mercNum });
    const held = await db.riskCase.count({ where: { mercNum: row.row.mercNum } });
    expect(held).toBeGreaterThanOrEqual(1);

    expect(await lookupRiskCase(db, client, "nobody-knows-this")).toEqual({ kind: "none" });
  });
});
