import { describe, expect, it } from "vitest";
import { STATUS_RANK } from "@/lib/pretrial/status";
import { createTestUser, testDb } from "@/lib/test/factories";
import { createTestOrder } from "@/lib/test/pretrial-factory";
import { intakeEvent, type StoredDelivery } from "./record";

/** The SQL functions behind the callback hot path (migrations 20261130120000_inbound_intake, 20261130120100_pretrial_callback_sql). */
describe("inbox SQL", () => {
  it("the replay lookup is an index scan of the partial unique index, whatever the inbox size", async () => {
    const plan = await testDb().$transaction(async (tx) => {
      // A big inbox for the planner to see, rolled back afterwards.
      await tx.$executeRawUnsafe(`INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked)
        SELECT 'plan-test', 'signed', 'K' || g, 'PROCESSED', true, 'POST', '/x', '{}', '\\x00', '' FROM generate_series(1, 50000) g`);
      await tx.$executeRawUnsafe("ANALYZE inbound_events");
      // The lookup exactly as inbox_record writes it (parameters, literal status predicate).
      await tx.$executeRawUnsafe(`PREPARE replay_lookup(text, text, text) AS SELECT e.id, e.status::TEXT FROM inbound_events e
        WHERE e.source = $1 AND e.event_type = $2 AND e.event_key = $3 AND e.event_key IS NOT NULL AND e.status NOT IN ('DUPLICATE', 'REJECTED')`);
      await tx.$executeRawUnsafe("SET LOCAL plan_cache_mode = force_generic_plan");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>("EXPLAIN EXECUTE replay_lookup('plan-test', 'signed', 'K42')");
      await tx.$executeRawUnsafe("DEALLOCATE replay_lookup");
      throw Object.assign(new Error("rollback"), { plan: rows.map((r) => r["QUERY PLAN"]).join("\n") });
    }).catch((e: { plan?: string }) => e.plan ?? String(e));
    expect(plan).toContain("inbound_events_event_key_live_key");
    expect(plan).not.toContain("Seq Scan");
  });

  it("pretrial_status_rank agrees with STATUS_RANK", async () => {
    for (const [status, rank] of Object.entries(STATUS_RANK)) {
      const [row] = await testDb().$queryRawUnsafe<{ r: number }[]>(`SELECT pretrial_status_rank('${status}') AS r`);
      expect([status, row.r]).toEqual([status, rank]);
    }
  });

  it("a replay of an unmatched event is applied again; of a processed one, not", async () => {
    const args = JSON.stringify({ querySn: "ZX-SQL-TEST", markId: "M", wechatShareUrl: "u", contractUrl: "c" });
    const intake = () =>
      testDb().$queryRawUnsafe<{ outcome: string }[]>(
        `SELECT outcome FROM inbox_intake('wanwang', 'wechat-share', 'ZX-SQL-TEST:wechat-share', 'POST', '/x', '{}', '\\x01', '', NULL, 'pretrial_apply_wechat_share', $1::jsonb)`,
        args,
      );
    expect((await intake())[0].outcome).toBe("unmatched");
    expect((await intake())[0].outcome).toBe("unmatched");
    const rows = await testDb().inboundEvent.findMany({ where: { eventKey: "ZX-SQL-TEST:wechat-share" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["UNMATCHED", "DUPLICATE"]);
    expect(rows[0]).toMatchObject({ waitKey: "wanwang:querySn:ZX-SQL-TEST", attempts: 2 });
  });
  const delivery = (eventType: string): StoredDelivery => ({
    source: "wanwang", eventType, method: "POST", path: "/x", headers: {}, sealedBody: Buffer.from([1, 0, 2]), maskedBody: "{}", remoteIp: null,
  });

  it("an apply that fails leaves nothing applied and the delivery FAILED; a replay then is a DUPLICATE", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const order = await createTestOrder(officer.id, { outsideOrderId: `FAIL${crypto.randomUUID().slice(0, 8)}` });
    const key = `${order.outsideOrderId}:signed:bad`;
    // `type` is not a number: pretrial_apply_signed raises after nothing, or after its writes.
    const apply = { fn: "pretrial_apply_signed", args: { outsideOrderId: order.outsideOrderId, querySn: "ZX-FAIL", type: "x", time: 1, message: "m" } };
    const first = await intakeEvent(delivery("signed"), key, apply);
    expect(first.outcome).toBe("failed");
    expect(first.detail).toContain("integer");
    const again = await intakeEvent(delivery("signed"), key, apply);
    expect(again.outcome).toBe("duplicate");
    const rows = await testDb().inboundEvent.findMany({ where: { eventKey: key }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "DUPLICATE"]);
    expect(Buffer.from(rows[0].bodyEncrypted)).toEqual(Buffer.from([1, 0, 2]));
    expect(await testDb().pretrialEvent.count({ where: { orderId: order.id } })).toBe(0);
    const after = await testDb().pretrialOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.querySn).toBe(order.querySn);
  });

  it("concurrent deliveries of one new event apply it once", async () => {
    const officer = await createTestUser("LOAN_OFFICER");
    const order = await createTestOrder(officer.id, { outsideOrderId: `RACE${crypto.randomUUID().slice(0, 8)}` });
    const key = `${order.outsideOrderId}:signed:0`;
    const apply = { fn: "pretrial_apply_signed", args: { outsideOrderId: order.outsideOrderId, querySn: order.querySn, type: 0, time: 1761629299039, message: "m" } };
    const results = await Promise.all(Array.from({ length: 8 }, () => intakeEvent(delivery("signed"), key, apply)));
    expect(results.filter((r) => r.outcome === "processed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(7);
    const rows = await testDb().inboundEvent.findMany({ where: { eventKey: key } });
    expect(rows.filter((r) => r.status === "PROCESSED")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "DUPLICATE")).toHaveLength(7);
    expect(await testDb().pretrialEvent.count({ where: { orderId: order.id } })).toBe(1);
  });
});
