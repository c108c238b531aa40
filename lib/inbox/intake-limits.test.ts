import { describe, expect, it } from "vitest";
import { POST as errorSyncRoute } from "@/app/api/callbacks/wanwang/error-sync/route";
import { POST as resultRoute } from "@/app/api/callbacks/wanwang/pretrial-result/route";
import { POST as signedRoute } from "@/app/api/callbacks/wanwang/signed/route";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { ERROR_SYNC_CALLBACK, PRETRIAL_RESULT_CALLBACK, SIGNED_CALLBACK } from "@/lib/vendors/wanwang/fixtures";
import { readStoredBody } from "./body";

/**
 * Issue 8, security 1, 7 and 11 on the callback path: what an unauthenticated or hostile
 * caller can make us store, bodies with NUL bytes, and a late errorSync on a decided order.
 */
const TOKEN = "test-callback-token";
const post = (route: (r: Request) => Promise<Response>, body: BodyInit, token = TOKEN, headers: Record<string, string> = {}) =>
  route(new Request("http://localhost/api/callbacks/wanwang/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body }));

const rows = () => testDb().inboundEvent.count();

describe("callback limits", () => {
  it("a body over 1 MB is refused with 413 and nothing is stored", async () => {
    const before = await rows();
    const res = await post(signedRoute, "x".repeat(1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(await rows()).toBe(before);
  });

  it("a chunked body (no Content-Length) over 1 MB is cut off while streaming", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 4 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const before = await rows();
    const res = await signedRoute(new Request("http://localhost/x", { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: stream, duplex: "half" } as RequestInit));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    expect(await rows()).toBe(before);
  });

  it("a refused credential keeps the headers and at most 4 KB of the body", async () => {
    const res = await post(signedRoute, JSON.stringify({ pad: "y".repeat(20_000) }), "wrong-token", { "x-probe": "kept" });
    expect(res.status).toBe(401);
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "wanwang", status: "REJECTED" }, orderBy: { id: "desc" } });
    expect(row.headers).toMatchObject({ "x-probe": "kept" });
    expect(readStoredBody(row.bodyEncrypted).length).toBeLessThanOrEqual(4096);
  });

  it("past the per-source rate, refusals are counted, not stored one by one", async () => {
    const before = await testDb().inboundEvent.count({ where: { source: "wanwang", status: "REJECTED" } });
    for (let i = 0; i < 60; i++) expect((await post(signedRoute, "{}", "wrong-token")).status).toBe(401);
    const stored = (await testDb().inboundEvent.count({ where: { source: "wanwang", status: "REJECTED" } })) - before;
    // 20 a minute are kept in full; the run may straddle a minute boundary.
    expect(stored).toBeLessThanOrEqual(40);
    const [counted] = await testDb().$queryRaw<{ n: number }[]>`SELECT coalesce(sum(refused), 0)::int AS n FROM inbound_refusal_counts WHERE source = 'wanwang'`;
    expect(counted.n).toBeGreaterThanOrEqual(60);
  });

  it("a body with a NUL byte is stored (400 when it is not JSON), never a 500", async () => {
    const raw = `{"outsideOrderId":"CR\u0000NUL","type":0}`;
    const res = await post(signedRoute, raw);
    expect(res.status).toBe(400);
    const row = await testDb().inboundEvent.findFirstOrThrow({ where: { source: "wanwang" }, orderBy: { id: "desc" } });
    expect(readStoredBody(row.bodyEncrypted).toString("utf8")).toBe(raw);
    expect(row.bodyMasked).not.toContain("\u0000");
  });

  it("an escaped NUL inside a valid callback is stored and applied", async () => {
    const order = await createTestOrder((await createTestUser("LOAN_OFFICER")).id);
    const body = JSON.stringify({ ...JSON.parse(SIGNED_CALLBACK), outsideOrderId: order.outsideOrderId, querySn: order.querySn, type: 0, message: "a\u0000b" });
    const res = await post(signedRoute, body);
    expect(res.status).toBe(200);
    expect((await res.json()).code).toBe(0);
    expect((await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("SIGNED");
  });

  it("a late errorSync does not overwrite errReason on a decided order", async () => {
    const order = await createTestOrder((await createTestUser("LOAN_OFFICER")).id);
    const ids = { outsideOrderId: order.outsideOrderId, querySn: order.querySn };
    expect((await (await post(resultRoute, JSON.stringify({ ...JSON.parse(PRETRIAL_RESULT_CALLBACK), ...ids }))).json()).code).toBe(0);
    expect((await (await post(errorSyncRoute, JSON.stringify({ ...JSON.parse(ERROR_SYNC_CALLBACK), ...ids }))).json()).code).toBe(0);
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "PASSED", errReason: null });
    expect(await testDb().pretrialEvent.count({ where: { orderId: order.id, kind: "ERROR_SYNC" } })).toBe(1);
  });
});
