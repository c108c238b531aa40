import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, testDb } from "@/lib/test/factories";
import { ownerBalances } from "@/lib/ledger/balances";
import { callLanmao, type LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { startLanmaoHarness, syntheticCustomer } from "@/lib/vendors/lanmao/test-harness";
import { gatewayPageResponse } from "./gateway-page";
import { lanmaoPort } from "./lanmao-port";
import { startPosRecharge } from "./pos-recharge";
import { loadRequest } from "./requests/log";
import { barcodeLogKey } from "./requests/pos-keys";
import type { CustodyPort } from "./requests/port";
import { deliverNotice, noticeForwarder } from "./twin-test-support";
import { resolveByQuery } from "./requests/send";
import { startGateway, type CustodyEndpoint } from "./service";

/**
 * POS recharge (§2.7) + barcode (§2.8) against the 联银通 twin over HTTP: the barcode carries
 * the order's requestNo on the wire (R1) while the log keeps two rows; the NOTIFY posts the
 * recharge once, with the amount custody reports, and the ledger equals QUERY_USER_INFORMATION.
 */
let h: Awaited<ReturnType<typeof startLanmaoHarness>>;
let ep: LanmaoEndpoint;
let endpoint: CustodyEndpoint;
let port: CustodyPort;
let who: { id: string };
const U = `Q${Date.now().toString(36).toUpperCase()}`;
let forwardNotices: () => Promise<URLSearchParams[]>;

async function expectLedgerEqualsCustody(owner: string) {
  const info = (await callLanmao(ep, "QUERY_USER_INFORMATION", { platformUserNo: owner })).data;
  const mine = (await ownerBalances(testDb())).get(owner) ?? { available: 0, frozen: 0 };
  expect({ available: mine.available, frozen: mine.frozen }).toEqual({ available: info.availableAmount, frozen: info.freezeAmount });
  return mine;
}

const postingsFor = (requestNo: string) => testDb().ledgerTransaction.count({ where: { requestNo } });

beforeAll(async () => {
  h = await startLanmaoHarness({ retryDelaysMs: [15, 15, 15, 15, 15, 15] });
  forwardNotices = noticeForwarder(h);
  ep = { ...h.endpoint, timeoutMs: 600 };
  endpoint = { ...ep, returnUrl: h.returnUrl };
  port = lanmaoPort(ep);
  who = { id: (await createTestUser("FINANCE")).id };
  const p = syntheticCustomer(211);
  const reg = await startGateway(testDb(), endpoint, who, "PERSONAL_REGISTER", { platformUserNo: U, realName: "测试用户", idCardNo: p.idCardNo, mobile: p.mobile, bankcardNo: p.bankcardNo });
  expect((await h.customer(reg)).kind).toBe("returned");
  await forwardNotices();
});
afterAll(async () => h?.close());

describe("POS recharge + barcode on the 联银通 twin", () => {
  it("logs the order and the barcode as two rows, sends one requestNo, posts once on NOTIFY (a duplicate posts nothing)", async () => {
    const barcode = await startPosRecharge(testDb(), endpoint, port, who, { platformUserNo: U, amount: 50_000 });
    const requestNo = barcode.requestNo;
    expect(barcode.request.requestNo).toBe(requestNo);
    expect(JSON.parse(barcode.form.reqData).requestNo).toBe(requestNo);
    expect(await loadRequest(testDb(), requestNo)).toMatchObject({ serviceName: "POS_RECHARGE", status: "SUCCEEDED", operation: null });
    expect(await loadRequest(testDb(), barcodeLogKey(requestNo))).toMatchObject({ serviceName: "POS_BUILD_BARCODE", status: "SENT" });
    expect((await expectLedgerEqualsCustody(U)).available).toBe(0); // the order alone moves nothing
    // The page finance opens for the `#BARCODE` row posts the order's own requestNo to custody.
    const page = await (await gatewayPageResponse(testDb(), barcodeLogKey(requestNo), ep)).text();
    expect(page).toContain("POS_BUILD_BARCODE");
    expect(page).toContain(requestNo);
    expect(page).not.toContain("#BARCODE");

    const out = await h.customer(barcode);
    expect(out).toMatchObject({ kind: "returned", reading: { kind: "success" } });
    const notices = await forwardNotices();
    expect(notices.map((n) => n.get("serviceName"))).toEqual(["POS_BUILD_BARCODE"]);
    expect(await loadRequest(testDb(), barcodeLogKey(requestNo))).toMatchObject({ status: "SUCCEEDED", ledgerStatus: "POSTED" });
    expect((await expectLedgerEqualsCustody(U)).available).toBe(50_000);
    expect(await postingsFor(requestNo)).toBe(1);

    await deliverNotice(notices[0]); // custody retries the same NOTIFY
    expect((await expectLedgerEqualsCustody(U)).available).toBe(50_000);
    expect(await postingsFor(requestNo)).toBe(1);
  });

  it("posts the amount the customer typed at the terminal, as custody reports it", async () => {
    const barcode = await startPosRecharge(testDb(), endpoint, port, who, { platformUserNo: U });
    await h.customer(barcode, { amount: "88.80" });
    await forwardNotices();
    expect(await loadRequest(testDb(), barcodeLogKey(barcode.requestNo))).toMatchObject({ ledgerStatus: "POSTED", operation: { kind: "RECHARGE", amount: 8_880 } });
    expect((await expectLedgerEqualsCustody(U)).available).toBe(58_880);
  });

  it("a barcode resolved by QUERY_TRANSACTION (NOTIFY late) posts custody's amount once; the NOTIFY then moves nothing", async () => {
    const before = (await expectLedgerEqualsCustody(U)).available;
    const barcode = await startPosRecharge(testDb(), endpoint, port, who, { platformUserNo: U });
    const key = barcodeLogKey(barcode.requestNo);
    expect(await resolveByQuery(testDb(), port, key)).toBe("pending"); // order open, customer not yet paid
    await h.customer(barcode, { amount: "12.34" });
    expect(await resolveByQuery(testDb(), port, key)).toBe("settled");
    expect(await loadRequest(testDb(), key)).toMatchObject({ ledgerStatus: "POSTED", operation: { amount: 1_234 } });
    await forwardNotices();
    expect((await expectLedgerEqualsCustody(U)).available).toBe(before + 1_234);
    expect(await postingsFor(barcode.requestNo)).toBe(1);
  });

  it("refuses an unknown account before anything is logged or sent", async () => {
    const n = await testDb().custodyRequest.count();
    await expect(startPosRecharge(testDb(), endpoint, port, who, { platformUserNo: `${U}NONE` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb().custodyRequest.count()).toBe(n);
  });
});
