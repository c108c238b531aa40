import { expect } from "vitest";
import { receiveCallback } from "@/lib/inbox/receive";
import { ownerBalances } from "@/lib/ledger/balances";
import { testDb } from "@/lib/test/factories";
import { callLanmao, type LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import type { LanmaoGatewayInterface, LanmaoRequestInput } from "@/lib/vendors/lanmao/interfaces";
import type { startLanmaoHarness } from "@/lib/vendors/lanmao/test-harness";
import { TEST_CUSTODY_PUBLIC_KEY } from "@/lib/vendors/lanmao/test-keys";
import { custodyNotifyEvent } from "./callbacks/events";
import { startGateway, type CustodyEndpoint } from "./service";

/**
 * What the custody sandbox tests share (tests only): the twin's NOTIFYs delivered to the
 * console's intake as they arrived, a customer's gateway step end to end, and the ledger
 * compared with the twin's own balances.
 */
type Harness = Awaited<ReturnType<typeof startLanmaoHarness>>;

const notifyEvent = custodyNotifyEvent(TEST_CUSTODY_PUBLIC_KEY);

/** One NOTIFY into the console's intake; it must be answered SUCCESS. */
export async function deliverNotice(fields: URLSearchParams): Promise<void> {
  const res = await receiveCallback(
    new Request("http://localhost/api/callbacks/lanmao/notify", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields.toString() }),
    notifyEvent,
  );
  expect(await res.text()).toBe("SUCCESS");
}

/** A function that delivers every NOTIFY the twin sent since its last call, and returns them. */
export function noticeForwarder(h: Harness): () => Promise<URLSearchParams[]> {
  let forwarded = 0;
  return async () => {
    await h.notified();
    const fresh = h.receiver.received.slice(forwarded).map((n) => n.fields);
    forwarded += fresh.length;
    for (const f of fresh) await deliverNotice(f);
    return fresh;
  };
}

/** A customer's gateway step that succeeds, its NOTIFY delivered; returns the requestNo. */
export function gatewayStep(h: Harness, endpoint: CustodyEndpoint, who: { id: string }, forward: () => Promise<unknown>) {
  return async <S extends LanmaoGatewayInterface>(service: S, input: Omit<LanmaoRequestInput<S>, "requestNo" | "callbackUrl">): Promise<string> => {
    const prepared = await startGateway(testDb(), endpoint, who, service, input);
    const out = await h.customer(prepared);
    if (out.kind !== "returned" || out.reading.kind !== "success") throw new Error(`${service} did not succeed on the gateway`);
    await forward();
    return prepared.requestNo;
  };
}

/**
 * Each owner's ledger balance equals QUERY_USER_INFORMATION. Accounts shared with other test
 * files on the test database (the platform's) compare by what moved since `base`.
 */
export async function expectLedgerEqualsCustody(ep: LanmaoEndpoint, owners: readonly string[], base: ReadonlyMap<string, { available: number; frozen: number }> = new Map()) {
  const ledger = await ownerBalances(testDb());
  for (const owner of owners) {
    const info = (await callLanmao(ep, "QUERY_USER_INFORMATION", { platformUserNo: owner })).data;
    const mine = ledger.get(owner) ?? { available: 0, frozen: 0 };
    const from = base.get(owner) ?? { available: 0, frozen: 0 };
    expect({ owner, available: mine.available - from.available, frozen: mine.frozen - from.frozen }).toEqual({ owner, available: info.availableAmount, frozen: info.freezeAmount });
  }
}
