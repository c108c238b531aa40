import { generateSyntheticIdNumber, generateSyntheticMobile, idCheckDigit } from "@/lib/pii/id-card";
import { startReceiver, type ReceivedCall } from "../core/test-support";
import { wanwangManifest } from "@/lib/vendors/wanwang/manifest";
import { startSandbox, type RunningSandbox } from "../server";
import { createWanwangVendor } from "./index";
import type { TWanwangSettingsPatch } from "./settings";
export { seededRng } from "@/lib/seeded-rng";

/** Shared by the wanwang tests: an in-process sandbox, a console stand-in and synthetic people. */

export const CALLBACK_TOKEN = "test-callback-token";
export const PUBLIC_URL = "https://sandbox.example";
export const API = "/integration/credit/sugar/webApi/bigDataService";
/** Fast timing so a whole signing flow takes well under a second. */
export const FAST: TWanwangSettingsPatch = { callbackIntervalMs: 25, wechatShareDelayMs: 0, errorSyncDelayMs: 0, checkLicences: false };

export async function startWanwang(options: { stateFile?: string | null; settings?: TWanwangSettingsPatch } = {}) {
  const receiver = await startReceiver();
  const boot = () =>
    startSandbox({
      port: 0,
      host: "127.0.0.1",
      vendors: [createWanwangVendor({ callbackToken: CALLBACK_TOKEN, publicUrl: PUBLIC_URL })],
      stateFile: options.stateFile ?? null,
      consoleBaseUrl: receiver.url,
      callbackRetryDelaysMs: [20, 20, 20],
    });
  const setup = { sandbox: await boot(), receiver, base: "" };
  setup.base = `${setup.sandbox.url}/wanwang`;
  await putSettings(setup.base, { ...FAST, ...options.settings });
  return {
    receiver,
    /** Changes on restart (a new port), hence getters. */
    get base(): string {
      return setup.base;
    },
    /** Stops and starts the sandbox on the same state file (the receiver stays). */
    async restart() {
      await setup.sandbox.close();
      setup.sandbox = await boot();
      setup.base = `${setup.sandbox.url}/wanwang`;
    },
    async close() {
      await setup.sandbox.close();
      await receiver.close();
    },
    get current(): RunningSandbox {
      return setup.sandbox;
    },
  };
}
export type WanwangSetup = Awaited<ReturnType<typeof startWanwang>>;

export async function putSettings(base: string, patch: TWanwangSettingsPatch): Promise<Response> {
  return fetch(`${base}/_sandbox/settings`, { method: "PUT", body: JSON.stringify(patch) });
}

export async function getToken(base: string): Promise<string> {
  const { WANWANG_CLIENT_ID: clientId, WANWANG_CLIENT_SECRET: clientSecret } = wanwangManifest.sandboxCredentials;
  const res = await fetch(`${base}/oauth/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
  });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Envelope<T = unknown> {
  code: number;
  msg: string | null;
  data: T;
  ok: boolean;
}

export async function callApi<T = unknown>(
  base: string,
  token: string | null,
  endpoint: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Envelope<T> }> {
  const res = await fetch(`${base}${API}/${endpoint}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      "wwtp-company": wanwangManifest.sandboxCredentials.WANWANG_COMPANY,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Envelope<T> };
}


/** A valid ID number whose 15th, 16th and 17th digits are the given ones (outcome table). */
export function idWithDigits(rng: () => number, d15: number, d16: number, d17: number): string {
  const base = generateSyntheticIdNumber(rng).slice(0, 14);
  const first17 = `${base}${d15}${d16}${d17}`;
  return first17 + idCheckDigit(first17);
}

export interface Person {
  custName: string;
  certificateNum: string;
  contactPhone: string;
}

let orderSeq = 0;
export function nextOutsideOrderId(): string {
  orderSeq += 1;
  return `CR260101${String(orderSeq).padStart(5, "0")}${Math.floor(Math.random() * 1e6)}`;
}

export function syntheticPerson(rng: () => number, overrides: Partial<Person> = {}): Person {
  return { custName: "测试客户", certificateNum: generateSyntheticIdNumber(rng), contactPhone: generateSyntheticMobile(rng), ...overrides };
}

/** The document's example body with a synthetic person and the sandbox channel. */
export function netCreditBody(person: Person, outsideOrderId = nextOutsideOrderId()) {
  const { WANWANG_CHANNEL: channel, WANWANG_SOCIAL_CREDIT_CODE: socialCreditCode } = wanwangManifest.sandboxCredentials;
  return {
    channel,
    creditType: "6",
    dealersName: "沙箱测试车商有限公司",
    outsideOrderId,
    personList: [
      {
        attach: {
          licenceBackUrl: "http://127.0.0.1:9/api/files/back?exp=1&sig=x",
          licenceFrontUrl: "http://127.0.0.1:9/api/files/front?exp=1&sig=x",
        },
        ...person,
        personType: 1,
      },
    ],
    socialCreditCode,
  };
}

export interface NetCreditData {
  outsideOrderId: string;
  querySn: string;
  contractUrl: string;
  [key: string]: unknown;
}

/** Opens an order and returns its data; fails the test when the sandbox refuses. */
export async function openOrder(setup: WanwangSetup, token: string, person: Person, outsideOrderId?: string) {
  const reply = await callApi<NetCreditData>(setup.base, token, "netCredit", { body: netCreditBody(person, outsideOrderId) });
  if (reply.body.code !== 0) throw new Error(`netCredit refused: ${reply.body.msg}`);
  return reply.body.data;
}

/** Posts the signing form as the customer's browser would. */
export async function decide(setup: WanwangSetup, contractUrl: string, decision: "sign" | "decline") {
  const signLinkId = new URL(contractUrl).searchParams.get("signLinkId") ?? "";
  const res = await fetch(`${setup.base}/sign`, { method: "POST", body: new URLSearchParams({ signLinkId, decision }) });
  return { status: res.status, html: await res.text() };
}

/** Callbacks received for one querySn, with the event taken from the path. */
export function callbacksFor(calls: ReceivedCall[], querySn: string) {
  return calls
    .map((call) => ({ ...call, event: call.path.split("/").pop() ?? "", json: JSON.parse(call.body) as Record<string, unknown> }))
    .filter((call) => call.json.querySn === querySn);
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
