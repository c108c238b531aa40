import type { z } from "zod";
import { callVendor, parseAnswerPart } from "@/lib/vendors/core/call";
import { parseOrThrow } from "@/lib/vendors/core/validation";
import { isSuccessCode, type LanmaoUserDevice } from "./enums";
import { lanmaoCodeError, lanmaoHttpStatusError, unverifiedAnswerError } from "./errors";
import {
  LANMAO_INTERFACES,
  type LanmaoAnswerData,
  type LanmaoDirectInterface,
  type LanmaoInterfaceName,
  type LanmaoRequest,
  type LanmaoRequestInput,
} from "./interfaces";
import { lanmaoManifest } from "./manifest";
import { TRANSACTION_RECORDS } from "./schemas/answers";
import { toWireReqData, ZHead } from "./schemas/common";
import { LANMAO_SERVICES } from "./services";
import { type KeyInput, lanmaoSign, lanmaoVerify } from "./sign";
import { defaultExpired } from "./time";

/**
 * The 联银通 client (vendor doc 004 §1, design.md §3), in two steps so that a money movement
 * is written down before it leaves: {@link prepareLanmaoRequest} validates the request (the
 * document's rules that need only the request), converts it to the wire (amounts "1234.50",
 * times Beijing), and signs `reqData`; the caller stores the prepared form; then
 * {@link sendLanmaoDirect} POSTs it to …/lanmaotech/service, or {@link lanmaoGatewayForm} hands
 * it to the customer's browser for …/lanmaotech/gateway. A resend after a timeout sends the
 * stored form unchanged — same requestNo, same signature.
 */
const VENDOR = lanmaoManifest.name;
export const LANMAO_PATHS = { service: "/lanmaotech/service", gateway: "/lanmaotech/gateway", download: "/lanmaotech/download" } as const;

export type LanmaoEndpoint = {
  baseUrl: string;
  platformNo: string;
  keySerial: string;
  privateKey: KeyInput;
  publicKey: KeyInput;
  timeoutMs: number;
};

/** The §1.2 request form, exactly as POSTed. */
export type LanmaoForm = {
  serviceName: string;
  platformNo: string;
  userDevice?: LanmaoUserDevice;
  reqData: string;
  keySerial: string;
  sign: string;
};

export type PreparedLanmaoRequest<S extends LanmaoInterfaceName = LanmaoInterfaceName> = {
  service: S;
  /** The request's own number; for UNFREEZE, which has none, the `oriRequestNo` it releases. */
  requestNo: string;
  request: LanmaoRequest<S>;
  form: LanmaoForm;
};

/** The services whose request carries an `expired` page deadline (§2.6, §2.8, §2.9, §2.12). */
const HAS_EXPIRY = new Set<LanmaoInterfaceName>(["RECHARGE", "POS_BUILD_BARCODE", "WITHDRAW", "USER_PRE_TRANSACTION"]);

export function prepareLanmaoRequest<S extends LanmaoInterfaceName>(
  endpoint: Pick<LanmaoEndpoint, "platformNo" | "keySerial" | "privateKey">,
  service: S,
  input: LanmaoRequestInput<S>,
  opts: { now?: Date; userDevice?: LanmaoUserDevice } = {},
): PreparedLanmaoRequest<S> {
  const request = parseOrThrow(LANMAO_INTERFACES[service].request, input, `联银通 ${service} request`) as LanmaoRequest<S>;
  const withDefaults: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  if (HAS_EXPIRY.has(service) && withDefaults.expired === undefined) withDefaults.expired = defaultExpired(opts.now ?? new Date());
  const reqData = JSON.stringify(toWireReqData(withDefaults));
  const form: LanmaoForm = {
    serviceName: service,
    platformNo: endpoint.platformNo,
    ...(opts.userDevice ? { userDevice: opts.userDevice } : {}),
    reqData,
    keySerial: endpoint.keySerial,
    sign: lanmaoSign(reqData, endpoint.privateKey),
  };
  const requestNo = String(withDefaults.requestNo ?? withDefaults.oriRequestNo ?? "");
  return { service, requestNo, request: withDefaults as LanmaoRequest<S>, form };
}

export const formBody = (form: LanmaoForm) => new URLSearchParams(Object.entries(form).filter(([, v]) => v !== undefined) as [string, string][]);

/** A verified direct answer: the parsed data (amounts in fen, unknown fields kept) and the raw respData. */
export type LanmaoAnswer<T> = { data: T; raw: string; sign: string };

type Captured = { text: string; sign: string | null };

/** fetch that keeps the exact body text and the `sign` header, which callVendor does not expose. */
function capturingFetch(base: typeof fetch, into: { value?: Captured }): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    const text = await res.text();
    into.value = { text, sign: res.headers.get("sign") };
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

function answerSchemaFor(service: LanmaoDirectInterface, reqData: string): z.ZodType {
  if (service === "QUERY_TRANSACTION") {
    const type = (JSON.parse(reqData) as { transactionType: keyof typeof TRANSACTION_RECORDS }).transactionType;
    return TRANSACTION_RECORDS[type];
  }
  return LANMAO_INTERFACES[service].answer;
}

/**
 * POSTs a prepared direct request. The answer's `sign` header must verify over the exact body
 * with the custody side's key before anything in it is believed — a refusal included, since a
 * forged "no" could make us resend a non-idempotent movement. Then `code` 0 is success and any
 * other code a `VendorError` (errors.ts).
 */
export async function sendLanmaoDirect<S extends LanmaoDirectInterface>(
  endpoint: LanmaoEndpoint,
  prepared: PreparedLanmaoRequest<S>,
  deps: { fetch?: typeof fetch; log?: Record<string, string | number> } = {},
): Promise<LanmaoAnswer<LanmaoAnswerData<S>>> {
  const service = prepared.service;
  if (LANMAO_SERVICES[service].mode !== "direct") throw new Error(`${service} is not a direct interface`);
  const captured: { value?: Captured } = {};
  return callVendor({
    vendor: VENDOR,
    method: "POST",
    baseUrl: endpoint.baseUrl,
    path: LANMAO_PATHS.service,
    body: { form: formBody(prepared.form) },
    timeoutMs: endpoint.timeoutMs,
    fetch: capturingFetch(deps.fetch ?? globalThis.fetch, captured),
    onStatus: (status) => lanmaoHttpStatusError(status),
    answer: ZHead,
    log: { service, ...deps.log },
    interpret: (head, status) => {
      const raw = captured.value?.text ?? "";
      const sign = captured.value?.sign ?? null;
      if (!sign) throw unverifiedAnswerError(service, status, "missing");
      if (!lanmaoVerify(raw, sign, endpoint.publicKey)) throw unverifiedAnswerError(service, status, "invalid");
      if (!isSuccessCode(head.code)) throw lanmaoCodeError(head.code, head.description, service);
      const data = parseAnswerPart(VENDOR, answerSchemaFor(service, prepared.form.reqData), JSON.parse(raw), status, `${service} answer`);
      return { result: { data: data as LanmaoAnswerData<S>, raw, sign }, vendorCode: head.code };
    },
  });
}

/** Prepare and send in one go (queries, and callers that keep no request log). */
export function callLanmao<S extends LanmaoDirectInterface>(
  endpoint: LanmaoEndpoint,
  service: S,
  input: LanmaoRequestInput<S>,
  deps: { fetch?: typeof fetch; now?: Date } = {},
): Promise<LanmaoAnswer<LanmaoAnswerData<S>>> {
  return sendLanmaoDirect(endpoint, prepareLanmaoRequest(endpoint, service, input, { now: deps.now }), deps);
}

export type TransactionRecord<T extends keyof typeof TRANSACTION_RECORDS> = z.output<(typeof TRANSACTION_RECORDS)[T]>;

/** §3.3 with the answer typed by `transactionType`. */
export async function queryLanmaoTransaction<T extends keyof typeof TRANSACTION_RECORDS>(
  endpoint: LanmaoEndpoint,
  requestNo: string,
  transactionType: T,
  deps: { fetch?: typeof fetch } = {},
): Promise<LanmaoAnswer<TransactionRecord<T>>> {
  const answer = await callLanmao(endpoint, "QUERY_TRANSACTION", { requestNo, transactionType }, deps);
  return answer as unknown as LanmaoAnswer<TransactionRecord<T>>;
}
