import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, getTestServerUrl, type TestDatabase } from "@/lib/db/test-db";
import { createLanmaoVendor } from "@/lib/sandbox/lanmao";
import type { CheckFileUpload } from "@/lib/sandbox/lanmao/checkfiles/upload";
import { LanmaoStore } from "@/lib/sandbox/lanmao/store";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import type { LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoManifest } from "@/lib/vendors/lanmao/manifest";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { reconcileDay } from "./day";
import { insertOurRequests } from "./test-helpers";
import { CheckFileCloseError } from "./vendor/close-calls";
import { sendClosingCall } from "./vendor/send-close";
import { closeDay } from "./workflow";

/**
 * Closing a day in UPLOAD mode (中信银行, RECON_CLOSE_MODE=UPLOAD) end to end without a browser:
 * the day is downloaded from the 联银通 twin and matched, then closeDay sends the same
 * closing call the console's action sends (vendor/send-close.ts) — the twin unzips the upload
 * and records the seven renamed files, byte for byte the kept ones. A refused upload leaves
 * the day open. (The e2e journey closes in CONFIRM mode: the mode is the server's env.)
 */
let sandbox: RunningSandbox;
let db: TestDatabase;
let pool: pg.Pool;
let endpoint: LanmaoEndpoint;
const now = () => new Date("2026-12-01T03:00:00Z"); // 11:00 Beijing on T+1
const DAY = "20261130";
const finance = { id: "u-fin", name: "Fin One", role: "FINANCE" as const };

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    vendors: [createLanmaoVendor({ signingKey: TEST_CUSTODY_PRIVATE_KEY, platformPublicKey: TEST_PLATFORM_PUBLIC_KEY, now })],
    stateFile: null,
    consoleBaseUrl: "http://127.0.0.1:9",
  });
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
  new LanmaoStore(sandbox.state).putTx({
    requestNo: "RCUP1",
    service: "RECHARGE",
    transactionType: "RECHARGE",
    status: "SUCCESS",
    platformUserNo: "SBXU1",
    amount: 12_345,
    fee: 0,
    reqData: {},
    createTime: `${DAY}100000`,
    transactionTime: `${DAY}100005`,
  });
  await insertOurRequests(pool, [{ requestNo: "RCUP1", serviceName: "RECHARGE", amount: 12_345, fee: 0, platformUserNo: "SBXU1", confirmedAt: new Date("2026-11-30T02:00:05Z") }]);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
  await sandbox?.close();
});

const uploads = async (): Promise<CheckFileUpload[]> => (await fetch(`${sandbox.url}/lanmao/_sandbox/checkfiles/uploads`)).json();

describe("closing a day in UPLOAD mode against the twin", () => {
  it("a refused upload (bad signature) leaves the day MATCHED; the accepted one closes it with the kept files", async () => {
    const out = await reconcileDay(pool, endpoint, { fileDate: DAY });
    if (out.outcome !== "run" || out.result.outcome !== "matched") throw new Error(`the run did not match: ${JSON.stringify(out)}`);
    const runId = out.result.runId!;
    const open = await pool.query("SELECT kind, match_key FROM recon_lines WHERE run_id = $1", [runId]);
    expect(open.rows).toEqual([]);

    const forged = { ...endpoint, privateKey: TEST_CUSTODY_PRIVATE_KEY };
    const refused = await closeDay(pool, finance, runId, { mode: "UPLOAD", send: () => sendClosingCall(pool, forged, runId, "UPLOAD") }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CheckFileCloseError);
    expect(refused).toMatchObject({ code: "100003" });
    expect((await pool.query("SELECT status FROM recon_runs WHERE id = $1", [runId])).rows[0].status).toBe("MATCHED");
    expect(await uploads()).toEqual([]);

    expect(await closeDay(pool, finance, runId, { mode: "UPLOAD", send: () => sendClosingCall(pool, endpoint, runId, "UPLOAD") })).toEqual({ closeMode: "UPLOAD", sent: true });
    const row = (await pool.query("SELECT status, close_mode, close_sent FROM recon_runs WHERE id = $1", [runId])).rows[0];
    expect(row).toEqual({ status: "CLOSED", close_mode: "UPLOAD", close_sent: true });

    const [upload] = await uploads();
    expect(upload).toMatchObject({ fileDate: DAY, zipName: `${DAY}_${endpoint.platformNo}.zip` });
    const kept = await pool.query<{ file_type: string; sha256: string }>(
      "SELECT f.file_type, f.sha256 FROM recon_run_files rf JOIN recon_files f ON f.id = rf.file_id WHERE rf.run_id = $1 ORDER BY f.file_type",
      [runId],
    );
    expect(kept.rows).toHaveLength(7);
    expect(upload!.files.map((f) => [f.fileType, f.name, f.sha256])).toEqual(kept.rows.map((k) => [k.file_type, `${DAY}_${endpoint.platformNo}_${k.file_type}.txt`, k.sha256]));
  });
});
