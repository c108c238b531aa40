import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { ownerBalances } from "@/lib/ledger/balances";
import { postOperationNow } from "@/lib/ledger/post";
import { markHandedToBrowser, recordRequest } from "./requests/log";
import type { CustodyPort } from "./requests/port";
import { runCustodySync } from "./sync-job";

describe("custody.sync", () => {
  it("asks QUERY_TRANSACTION about a gateway request whose NOTIFY never came, and posts it", async () => {
    const owner = `SY${crypto.randomBytes(4).toString("hex")}`;
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${owner}-r`, owner, amount: 5000 }, { confirmedAt: new Date() });
    const requestNo = `${owner}-t`;
    await recordRequest(testDb(), {
      requestNo,
      serviceName: "USER_PRE_TRANSACTION",
      reqData: JSON.stringify({ requestNo, platformUserNo: owner, bizType: "TENDER", amount: "20.00", projectNo: "P" }),
      operation: { kind: "USER_PRE_TRANSACTION", requestNo, owner, amount: 2000, bizType: "TENDER", projectNo: "P" },
    });
    await markHandedToBrowser(testDb(), requestNo);
    const asked: string[] = [];
    const port: CustodyPort = {
      direct: async () => ({}),
      queryTransaction: async (no, type) => {
        if (no.startsWith(owner)) asked.push(`${no}:${type}`);
        return { found: true, status: "PROCESSING", transactionTime: new Date("2026-12-01T03:00:00Z"), record: { code: "0", status: "PROCESSING" } };
      },
    };
    // Not yet: the customer may still be on the gateway page.
    await runCustodySync(testDb(), port, new Date(Date.now() + 60_000));
    expect(asked).toEqual([]);
    await runCustodySync(testDb(), port, new Date(Date.now() + 16 * 60_000));
    expect(asked).toEqual([`${requestNo}:PRETRANSATION`]);
    expect((await ownerBalances(testDb())).get(owner)).toEqual({ owner, available: 3000, frozen: 2000 });
    expect((await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } })).confirmedAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("closes a gateway request custody still does not know a day after the hand-over as FAILED (ABANDONED), not before", async () => {
    const owner = `SY${crypto.randomBytes(4).toString("hex")}`;
    const requestNo = `${owner}-w`;
    await recordRequest(testDb(), {
      requestNo,
      serviceName: "WITHDRAW",
      reqData: JSON.stringify({ requestNo, platformUserNo: owner, amount: "20.00" }),
      operation: { kind: "WITHDRAW", requestNo, owner, amount: 2000 },
    });
    await markHandedToBrowser(testDb(), requestNo);
    const port: CustodyPort = { direct: async () => ({}), queryTransaction: async () => ({ found: false }) };
    const status = async () => (await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } })).status;
    // Asked after a quarter of an hour: not found yet is not an answer.
    await runCustodySync(testDb(), port, new Date(Date.now() + 16 * 60_000));
    expect(await status()).toBe("SENT");
    await runCustodySync(testDb(), port, new Date(Date.now() + 25 * 3600_000));
    const row = await testDb().custodyRequest.findUniqueOrThrow({ where: { requestNo } });
    expect({ status: row.status, code: row.code }).toEqual({ status: "FAILED", code: "ABANDONED" });
    expect((await ownerBalances(testDb())).get(owner)).toBeUndefined();
  });

  it("takes up a direct request left UNKNOWN and resends an idempotent one with the same requestNo", async () => {
    const owner = `SY${crypto.randomBytes(4).toString("hex")}`;
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${owner}-r`, owner, amount: 5000 }, { confirmedAt: new Date() });
    const requestNo = `${owner}-f`;
    const reqData = JSON.stringify({ requestNo, platformUserNo: owner, amount: "10.00" });
    await recordRequest(testDb(), { requestNo, serviceName: "FREEZE", reqData, operation: { kind: "FREEZE", requestNo, owner, amount: 1000 } });
    await testDb().$executeRaw`UPDATE custody_requests SET status = 'UNKNOWN', attempts = 9, updated_at = now() - interval '1 hour' WHERE request_no = ${requestNo}`;
    const sent: string[] = [];
    // Other tests' leftovers may be taken up too; only this request's sends are looked at.
    const port: CustodyPort = { direct: async (_s, body) => (body.includes(owner) && sent.push(body), { code: "0" }), queryTransaction: async () => ({ found: false }) };
    expect((await runCustodySync(testDb(), port)).resolved).toBeGreaterThanOrEqual(1);
    expect(sent).toEqual([reqData]);
    expect((await ownerBalances(testDb())).get(owner)?.frozen).toBe(1000);
  });
});
