import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/test/factories";
import { ledgerViolations, ownerBalances } from "./balances";
import { postOperationNow, reverseTransaction } from "./post";

const at = new Date("2026-12-01T02:00:00Z");
const uid = () => `LT${crypto.randomBytes(4).toString("hex")}`;

describe("ledger in PostgreSQL", () => {
  it("posts a confirmed operation once, however often it is delivered", async () => {
    const u = uid();
    const op = { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 5000 } as const;
    const first = await postOperationNow(testDb(), op, { confirmedAt: at });
    const again = await postOperationNow(testDb(), op, { confirmedAt: at });
    expect(first.status).toBe("posted");
    expect(again).toEqual({ status: "duplicate", transactionId: (first as { transactionId: bigint }).transactionId });
    expect((await ownerBalances(testDb())).get(u)).toEqual({ owner: u, available: 5000, frozen: 0 });
  });

  it("postings are append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const u = uid();
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 100 }, { confirmedAt: at });
    await expect(testDb().$executeRaw`UPDATE ledger_postings SET amount = amount + 1 WHERE account_id = ${`AVAILABLE:${u}`}`).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRaw`DELETE FROM ledger_postings WHERE account_id = ${`AVAILABLE:${u}`}`).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRaw`TRUNCATE ledger_postings CASCADE`).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRaw`UPDATE ledger_transactions SET memo = 'x' WHERE request_no = ${`${u}-r`}`).rejects.toThrow(/append-only/);
  });

  it("the database refuses a transaction whose postings do not sum to zero, and any bucket below zero", async () => {
    const u = uid();
    await expect(
      testDb().$transaction(async (tx) => {
        const [t] = await tx.$queryRaw<{ id: bigint }[]>`INSERT INTO ledger_transactions (op_key, operation, confirmed_at) VALUES (${`TEST:${u}`}, 'TEST', now()) RETURNING id`;
        await tx.$executeRaw`INSERT INTO ledger_accounts (id, owner, bucket) VALUES (${`AVAILABLE:${u}`}, ${u}, 'AVAILABLE')`;
        await tx.$executeRaw`INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES (${t!.id}, ${`AVAILABLE:${u}`}, 10)`;
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(
      testDb().$transaction(async (tx) => {
        const [t] = await tx.$queryRaw<{ id: bigint }[]>`INSERT INTO ledger_transactions (op_key, operation, confirmed_at) VALUES (${`TEST2:${u}`}, 'TEST', now()) RETURNING id`;
        await tx.$executeRaw`INSERT INTO ledger_accounts (id, owner, bucket) VALUES (${`AVAILABLE:${u}`}, ${u}, 'AVAILABLE')`;
        await tx.$executeRaw`INSERT INTO ledger_postings (transaction_id, account_id, amount) VALUES (${t!.id}, ${`AVAILABLE:${u}`}, -10), (${t!.id}, 'EXTERNAL_BANK', 10)`;
      }),
    ).rejects.toThrow(/ledger_accounts_not_negative/);
  });

  it("an operation that would overdraw waits (nothing written) until the money it needs is posted", async () => {
    const u = uid();
    const withdraw = { kind: "WITHDRAW", requestNo: `${u}-w`, owner: u, amount: 700 } as const;
    expect(await postOperationNow(testDb(), withdraw, { confirmedAt: at })).toMatchObject({ status: "waiting", rule: "insufficientFunds" });
    expect(await testDb().$queryRaw<unknown[]>`SELECT 1 FROM ledger_transactions WHERE request_no = ${withdraw.requestNo}`).toHaveLength(0);
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 1000 }, { confirmedAt: at });
    expect((await postOperationNow(testDb(), withdraw, { confirmedAt: at })).status).toBe("posted");
    expect((await ownerBalances(testDb())).get(u)?.available).toBe(300);
  });

  it("a confirmation naming a hold not open yet waits for it", async () => {
    const u = uid();
    const cancel = { kind: "CANCEL_PRE_TRANSACTION", requestNo: `${u}-c`, preTransactionNo: `${u}-t`, amount: 100 } as const;
    expect(await postOperationNow(testDb(), cancel, { confirmedAt: at })).toMatchObject({ status: "waiting", rule: "holdMissing", detail: `${u}-t` });
  });

  it("a correction is a reversing transaction; holds and balances move back, the original stays", async () => {
    const u = uid();
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 1000 }, { confirmedAt: at });
    const pre = await postOperationNow(testDb(), { kind: "FREEZE", requestNo: `${u}-f`, owner: u, amount: 400 }, { confirmedAt: at });
    const rev = await testDb().$transaction((tx) => reverseTransaction(tx, (pre as { transactionId: bigint }).transactionId, "entered twice"));
    expect(rev.status).toBe("posted");
    expect((await ownerBalances(testDb())).get(u)).toEqual({ owner: u, available: 1000, frozen: 0 });
    const again = await testDb().$transaction((tx) => reverseTransaction(tx, (pre as { transactionId: bigint }).transactionId, "entered twice"));
    expect(again.status).toBe("duplicate");
    expect(await ledgerViolations(testDb())).toEqual([]);
  });

  it("refuses (with the rule named) what custody could not have confirmed", async () => {
    const u = uid();
    await postOperationNow(testDb(), { kind: "RECHARGE", requestNo: `${u}-r`, owner: u, amount: 1000 }, { confirmedAt: at });
    await postOperationNow(testDb(), { kind: "USER_PRE_TRANSACTION", requestNo: `${u}-t`, owner: u, amount: 600, bizType: "TENDER", projectNo: "P" }, { confirmedAt: at });
    const over = { kind: "CANCEL_PRE_TRANSACTION", requestNo: `${u}-c`, preTransactionNo: `${u}-t`, amount: 601 } as const;
    await expect(postOperationNow(testDb(), over, { confirmedAt: at })).rejects.toMatchObject({ rule: "holdExceeded", i18n: { key: "custody.holdExceeded" } });
  });
});
