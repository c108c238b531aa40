import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { checkFileRoutes } from "@/lib/sandbox/lanmao/checkfiles/routes";
import { createLanmaoVendor } from "@/lib/sandbox/lanmao";
import { createLanmaoTwinConfig } from "@/lib/sandbox/lanmao/config";
import { LanmaoStore, type TxRecord } from "@/lib/sandbox/lanmao/store";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { CHECK_FILE_TYPES, type CheckFileType } from "../checkfile/columns";
import { storeCheckFile } from "../files";
import { runReconciliation } from "../run";
import { insertOurRequests } from "../test-helpers";
import { scheduledReconciliation } from "../day";
import { CheckFileDownloadError, downloadCheckFile } from "./download";

/**
 * The twin writes the day's check files from its books; the console downloads them over HTTP
 * (signed form, file answer verified), keeps them, and its reconciliation types each
 * discrepancy the twin's switches inject.
 */
let sandbox: RunningSandbox;
let db: TestDatabase;
let pool: pg.Pool;
let endpoint: LanmaoEndpoint;
const now = () => new Date("2026-12-01T03:00:00Z"); // 11:00 Beijing on T+1
const DAY = "20261130";

beforeAll(async () => {
  const opts = { signingKey: TEST_CUSTODY_PRIVATE_KEY, platformPublicKey: TEST_PLATFORM_PUBLIC_KEY, now };
  const vendor = createLanmaoVendor(opts);
  vendor.routes.push(...checkFileRoutes(createLanmaoTwinConfig(opts)));
  sandbox = await startSandbox({ port: 0, host: "127.0.0.1", vendors: [vendor], stateFile: null, consoleBaseUrl: "http://127.0.0.1:9" });
  endpoint = {
    baseUrl: `${sandbox.url}/lanmao`,
    platformNo: lanmaoManifest.sandboxCredentials.LANMAO_PLATFORM_NO,
    keySerial: lanmaoManifest.sandboxCredentials.LANMAO_KEY_SERIAL,
    privateKey: TEST_PLATFORM_PRIVATE_KEY,
    publicKey: TEST_CUSTODY_PUBLIC_KEY,
    timeoutMs: 5_000,
  };
  db = await createTestDatabase(getTestServerUrl());
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
  await sandbox?.close();
});

const tx = (requestNo: string, service: string, amount: number, extra: Partial<TxRecord> = {}): TxRecord => ({
  requestNo,
  service,
  transactionType: service,
  status: "SUCCESS",
  platformUserNo: "SBXU1",
  amount,
  reqData: {},
  createTime: `${DAY}100000`,
  transactionTime: `${DAY}100005`,
  ...extra,
});

function seedTwin() {
  const store = new LanmaoStore(sandbox.state);
  store.clear();
  const txs = [
    tx("RC1", "RECHARGE", 10000, { fee: 0 }),
    tx("RC2", "RECHARGE", 20000, { fee: 10 }),
    tx("RC3", "RECHARGE", 30000, { fee: 0 }),
    tx("WD1", "WITHDRAW", 4000, { fee: 200 }),
    tx("WD2", "WITHDRAW", 5000, { fee: 200 }),
    tx("RC4", "RECHARGE", 6000, { fee: 0 }),
    tx("RC0", "RECHARGE", 1, { transactionTime: "20261129235959" }), // the day before
  ];
  for (const t of txs) store.putTx(t);
  store.addJournal({ time: `${DAY}100005`, requestNo: "RC1", service: "RECHARGE", platformUserNo: "SBXU1", availableDelta: 10000, frozenDelta: 0 });
  return txs;
}

async function downloadAll(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const c = await pool.connect();
  try {
    for (const t of CHECK_FILE_TYPES) {
      const d = await downloadCheckFile(endpoint, { fileDate: DAY, fileType: t });
      expect(d.signed).toBe(true);
      files[t] = (await storeCheckFile(c, { fileDate: DAY, fileType: t, source: d.body })).fileId;
    }
  } finally {
    c.release();
  }
  return files;
}

async function setSwitches(body: object) {
  const res = await fetch(`${sandbox.url}/lanmao/_sandbox/checkfiles`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe("check files from the 联银通 twin", () => {
  it("downloads a verified file per type in the agreed format", async () => {
    seedTwin();
    await setSwitches({ notReady: false, inject: {} });
    const d = await downloadCheckFile(endpoint, { fileDate: DAY, fileType: "RECHARGE" });
    const chunks: Buffer[] = [];
    for await (const c of d.body) chunks.push(Buffer.from(c));
    const text = Buffer.concat(chunks).toString("utf8");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("platformNo|requestNo|platformUserNo|amount|fee|rechargeWay|bankcode|status|createTime|transactionTime");
    expect(lines.slice(1).map((l) => l.split("|")[1])).toEqual(["RC1", "RC2", "RC3", "RC4"]);
    expect(lines[2]).toContain("|200.00|0.10|");
  });

  it("answers not ready with a signed JSON error, which the client names", async () => {
    await setSwitches({ notReady: true });
    const err = await downloadCheckFile(endpoint, { fileDate: DAY, fileType: "USER" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFileDownloadError);
    expect(err).toMatchObject({ reason: "not_ready", code: "100001" });
    await setSwitches({ notReady: false });
    // Today's files never exist yet.
    expect(await downloadCheckFile(endpoint, { fileDate: "20261201", fileType: "USER" }).catch((e: unknown) => (e as CheckFileDownloadError).reason)).toBe("not_ready");
  });

  it("readyEarly hands out today's file, never a future day's", async () => {
    await setSwitches({ notReady: false, readyEarly: true });
    const d = await downloadCheckFile(endpoint, { fileDate: "20261201", fileType: "USER" });
    const chunks: Buffer[] = [];
    for await (const c of d.body) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString("utf8").split("\n")[0]).toContain("platformUserNo");
    expect(await downloadCheckFile(endpoint, { fileDate: "20261202", fileType: "USER" }).catch((e: unknown) => (e as CheckFileDownloadError).reason)).toBe("not_ready");
    await setSwitches({ readyEarly: false });
    expect(await downloadCheckFile(endpoint, { fileDate: "20261201", fileType: "USER" }).catch((e: unknown) => (e as CheckFileDownloadError).reason)).toBe("not_ready");
  });

  it("refuses a download signed with another key (the twin answers 100003)", async () => {
    const err = await downloadCheckFile({ ...endpoint, privateKey: TEST_CUSTODY_PRIVATE_KEY }, { fileDate: DAY, fileType: "USER" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: "refused", code: "100003" });
  });

  it("a file whose bytes do not match its signature fails at its end", async () => {
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const text = (await res.text()).replace("RC1", "RCX");
      return new Response(text, { status: res.status, headers: res.headers });
    };
    seedTwin();
    const d = await downloadCheckFile(endpoint, { fileDate: DAY, fileType: "RECHARGE" }, { fetch: tampering });
    const c = await pool.connect();
    try {
      await expect(storeCheckFile(c, { fileDate: DAY, fileType: "RECHARGE", source: d.body })).rejects.toMatchObject({ reason: "unverified" });
      expect((await c.query("SELECT count(*)::int AS n FROM recon_files WHERE sha256 LIKE 'pending-%'")).rows[0].n).toBe(0);
    } finally {
      c.release();
    }
  });

  it("each injected discrepancy is typed by the reconciliation", async () => {
    const txs = seedTwin();
    const at = new Date("2026-11-30T02:00:05Z");
    await insertOurRequests(
      pool,
      txs.filter((t) => t.requestNo !== "RC0").map((t) => ({ requestNo: t.requestNo, serviceName: t.service, amount: t.amount, fee: t.fee, platformUserNo: t.platformUserNo, createdAt: at })),
    );
    await pool.query(`INSERT INTO ledger_accounts (id, owner, bucket) VALUES ('AVAILABLE:SBXU1', 'SBXU1', 'AVAILABLE')`);
    const lt = await pool.query<{ id: string }>(`INSERT INTO ledger_transactions (op_key, operation, confirmed_at) VALUES ('k1', 'RECHARGE', $1) RETURNING id`, [at]);
    await pool.query(`INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES ($1, 'EXTERNAL_BANK', -10000), ($1, 'AVAILABLE:SBXU1', 10000)`, [lt.rows[0]!.id]);

    await setSwitches({ inject: {} });
    const clean = await runReconciliation(pool, { fileDate: DAY, platformNo: endpoint.platformNo, files: await downloadAll(), dryRun: true });
    expect(clean.outcome === "matched" && clean.summary.filter((s) => s.outcome !== "MATCHED")).toEqual([]);

    await setSwitches({ inject: { amount: true, fee: true, status: true, missingTheirs: true, duplicate: true, missingOurs: true, balance: true } });
    const r = await runReconciliation(pool, { fileDate: DAY, platformNo: endpoint.platformNo, files: await downloadAll() });
    expect(r.outcome).toBe("matched");
    if (r.outcome !== "matched") return;
    const { rows } = await pool.query<{ file_type: CheckFileType; match_key: string; kind: string }>(
      "SELECT file_type, match_key, kind FROM recon_lines WHERE run_id = $1 AND kind IS NOT NULL ORDER BY kind, file_type",
      [r.runId],
    );
    expect(rows).toEqual([
      { file_type: "BALANCE", match_key: "SBXU1", kind: "AMOUNT_MISMATCH" },
      { file_type: "RECHARGE", match_key: "RC1", kind: "AMOUNT_MISMATCH" },
      { file_type: "WITHDRAW", match_key: "WD1", kind: "DUPLICATE" },
      { file_type: "RECHARGE", match_key: "RC2", kind: "FEE_MISMATCH" },
      { file_type: "RECHARGE", match_key: `SBX-ONLY-${DAY}`, kind: "MISSING_OURS" },
      { file_type: "RECHARGE", match_key: "RC4", kind: "MISSING_THEIRS" },
      { file_type: "RECHARGE", match_key: "RC3", kind: "STATUS_MISMATCH" },
    ]);
  });

  it("the scheduled job waits for 01:30 Beijing, retries while files are not ready, then runs once", async () => {
    seedTwin();
    // Earlier tests ran this day; start from none.
    await pool.query("DELETE FROM recon_lines WHERE run_id IN (SELECT id FROM recon_runs WHERE file_date = '2026-11-30')");
    await pool.query("DELETE FROM recon_runs WHERE file_date = '2026-11-30'");
    await setSwitches({ notReady: true, inject: {} });
    const tick = (iso: string) => scheduledReconciliation(pool, endpoint, new Date(iso));
    expect(await tick("2026-11-30T17:29:00Z")).toEqual({ outcome: "too_early" }); // 01:29 Beijing on T+1
    // A later configured start (RECON_START_TIME 02:00) waits past 01:30.
    expect(await scheduledReconciliation(pool, endpoint, new Date("2026-11-30T17:50:00Z"), { startMinutes: 120 })).toEqual({ outcome: "too_early" });
    expect((await tick("2026-11-30T17:30:00Z")).outcome).toBe("not_ready");
    await setSwitches({ notReady: false });
    const ran = await tick("2026-11-30T17:40:00Z");
    expect(ran.outcome === "run" && ran.result.outcome).toBe("matched");
    // Same content downloaded again is recognised (the earlier tests stored these bytes already).
    expect(ran.outcome === "run" && Object.values(ran.files).some((f) => f.reused)).toBe(true);
    expect((await tick("2026-11-30T17:50:00Z")).outcome).toBe("done_already");
  });
});
