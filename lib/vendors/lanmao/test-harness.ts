import http from "node:http";
import type { AddressInfo } from "node:net";
import { createLanmaoVendor } from "@/lib/sandbox/lanmao";
import type { LanmaoSettings } from "@/lib/sandbox/lanmao/settings";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/server";
import { generateSyntheticBankCard, generateSyntheticIdNumber, generateSyntheticMobile } from "@/lib/pii/id-card";
import { readLanmaoReturn, readNotice, type NoticeReading, verifyLanmaoSignature } from "./callback";
import type { LanmaoEndpoint, PreparedLanmaoRequest } from "./client";
import { lanmaoGatewayForm } from "./gateway";
import { lanmaoManifest } from "./manifest";
import { TEST_CUSTODY_PRIVATE_KEY, TEST_CUSTODY_PUBLIC_KEY, TEST_PLATFORM_PRIVATE_KEY, TEST_PLATFORM_PUBLIC_KEY } from "./test-keys";

/**
 * TESTS ONLY. The client against the custody twin over real HTTP, with a small stand-in for
 * the console's NOTIFY endpoint (verifies with OUR callback.ts, answers `SUCCESS` or what a
 * test asks) and a "customer" who clicks through the gateway pages like a browser.
 */
export type ReceivedNotice = { fields: URLSearchParams; verified: boolean; reading: NoticeReading; answer: string };

async function startNotifyReceiver(answer: (n: ReceivedNotice, index: number) => string) {
  const received: ReceivedNotice[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const fields = new URLSearchParams(body.toString("utf8"));
      const verified = verifyLanmaoSignature(TEST_CUSTODY_PUBLIC_KEY, body);
      const notice: ReceivedNotice = { fields, verified, reading: readNotice({ serviceName: fields.get("serviceName") ?? "", respData: fields.get("respData") ?? "" }), answer: "" };
      notice.answer = verified ? answer(notice, received.length) : "FAIL: signature";
      received.push(notice);
      res.writeHead(verified ? 200 : 401, { "content-type": "text/plain; charset=utf-8" }).end(notice.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const HIDDEN = /<input type="hidden" name="([^"]+)" value="([^"]*)">/g;
const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export type CustomerOutcome =
  | { kind: "error"; status: number; html: string }
  | { kind: "returned"; callbackUrl: string; fields: URLSearchParams; reading: NoticeReading; verified: boolean };

export async function startLanmaoHarness(opts: { answer?: (n: ReceivedNotice, index: number) => string; retryDelaysMs?: number[] } = {}) {
  const receiver = await startNotifyReceiver(opts.answer ?? (() => "SUCCESS"));
  const sandbox: RunningSandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    vendors: [
      createLanmaoVendor({
        signingKey: TEST_CUSTODY_PRIVATE_KEY,
        platformPublicKey: TEST_PLATFORM_PUBLIC_KEY,
        notifyRetryDelaysMs: opts.retryDelaysMs ?? [20, 20, 20, 20, 20, 20],
        notifyFirstDelayMs: 5,
        auditDelayMs: 1_100,
      }),
    ],
    stateFile: null,
    consoleBaseUrl: receiver.url,
  });
  const endpoint: LanmaoEndpoint = {
    baseUrl: `${sandbox.url}/lanmao`,
    platformNo: lanmaoManifest.sandboxCredentials.LANMAO_PLATFORM_NO,
    keySerial: lanmaoManifest.sandboxCredentials.LANMAO_KEY_SERIAL,
    privateKey: TEST_PLATFORM_PRIVATE_KEY,
    publicKey: TEST_CUSTODY_PUBLIC_KEY,
    timeoutMs: 2_000,
  };
  const returnUrl = `${receiver.url}/api/callbacks/lanmao/return`;

  /** The customer opens the gateway page and confirms (or cancels); the browser return is read with OUR code. */
  async function customer(prepared: PreparedLanmaoRequest, o: { decision?: "confirm" | "cancel"; amount?: string } = {}): Promise<CustomerOutcome> {
    const form = lanmaoGatewayForm(endpoint.baseUrl, prepared);
    const page = await fetch(form.action, { method: "POST", body: new URLSearchParams(Object.entries(form.fields).filter(([, v]) => v !== undefined) as [string, string][]) });
    const html = await page.text();
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
    if (!token) {
      const back = /<form id="back" method="post" action="([^"]+)"/.exec(html);
      if (back) return returned(unescape(back[1]), html);
      return { kind: "error", status: page.status, html };
    }
    const body = new URLSearchParams({ token, decision: o.decision ?? "confirm", ...(o.amount ? { amount: o.amount } : {}) });
    const done = await fetch(`${sandbox.url}/lanmao/lanmaotech/gateway/confirm`, { method: "POST", body });
    const doneHtml = await done.text();
    const back = /<form id="back" method="post" action="([^"]+)"/.exec(doneHtml);
    if (!back) return { kind: "error", status: done.status, html: doneHtml };
    return returned(unescape(back[1]), doneHtml);
  }

  function returned(callbackUrl: string, html: string): CustomerOutcome {
    const fields = new URLSearchParams([...html.matchAll(HIDDEN)].map((m) => [m[1], unescape(m[2])] as [string, string]));
    const read = readLanmaoReturn(TEST_CUSTODY_PUBLIC_KEY, fields);
    return read.ok ? { kind: "returned", callbackUrl, fields, reading: read.reading, verified: true } : { kind: "returned", callbackUrl, fields, reading: { kind: "unknown", service: "", reason: read.reason }, verified: false };
  }

  async function settings(patch: Partial<LanmaoSettings>) {
    const res = await fetch(`${sandbox.url}/lanmao/_sandbox/settings`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
    if (!res.ok) throw new Error(await res.text());
  }

  async function faults(patch: Record<string, unknown>) {
    const res = await fetch(`${sandbox.url}/_control/faults/lanmao`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
    if (!res.ok) throw new Error(await res.text());
  }

  /** Every NOTIFY queued so far has been delivered or given up. */
  const notified = () => sandbox.callbacks.idle();

  return {
    sandbox,
    endpoint,
    returnUrl,
    receiver,
    customer,
    settings,
    faults,
    notified,
    /** Direct requests the twin has seen. */
    serviceCalls: () => sandbox.log.list({ limit: 100 }).filter((e) => e.direction === "in" && e.path.endsWith("/lanmaotech/service")).length,
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}

/** A synthetic person: valid-checksum ID, mobile and card (lib/pii/id-card). */
export function syntheticCustomer(seed: number, bin = "622202") {
  let s = seed;
  const rng = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return { idCardNo: generateSyntheticIdNumber(rng), mobile: generateSyntheticMobile(rng), bankcardNo: generateSyntheticBankCard(rng, bin) };
}
