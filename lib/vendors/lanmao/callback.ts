import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { CallbackOutcome, Parsed } from "@/lib/inbox/define-event";
import { formBody } from "@/lib/inbox/parse-body";
import { isSuccessCode } from "./enums";
import { type LanmaoNotifyService, NOTIFY_SCHEMAS, type NotifyData, ZNotifyFailure } from "./schemas/notify";
import { canonicalServiceName } from "./services";

/**
 * How 联银通 notifies us (vendor doc 004 §1, design.md §2): one URL, form fields `serviceName`,
 * `platformNo`, `responseType`, `keySerial`, `respData` (JSON text) and `sign` = Base64
 * SHA1withRSA of `respData` by the custody side's key; answered with the plain text `SUCCESS`
 * once durably recorded, matched or not — anything else makes 联银通 retry (6 times in an hour).
 */
export const ZLanmaoNotify = z.object({
  serviceName: z.string().min(1),
  platformNo: z.string().min(1),
  responseType: z.string().optional(),
  keySerial: z.string().optional(),
  respData: z.string().min(2),
  sign: z.string().min(1),
});
export type TLanmaoNotify = z.infer<typeof ZLanmaoNotify>;

/** The business fields every NOTIFY names; the rest of `respData` is the interface's own. */
const ZRespDataHead = z.looseObject({ requestNo: z.string().min(1), status: z.string().optional(), code: z.union([z.string(), z.number()]).optional() });

/** A verified NOTIFY with its `respData` decoded. */
export type LanmaoNotice = TLanmaoNotify & { resp: z.infer<typeof ZRespDataHead> };

const parseForm = formBody(ZLanmaoNotify);

/** The form fields, then `respData`'s JSON: the notice parsed once, for key, type and handler. */
export function parseLanmaoNotify(body: Buffer, contentType: string | null): Parsed<LanmaoNotice> {
  const form = parseForm(body, contentType);
  if (!form.ok) return form;
  const notice = parseRespData(form.value);
  return notice.ok ? { ok: true, value: notice.value, document: { ...form.value, respData: safeJson(form.value.respData) } } : notice;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function parseRespData(notify: TLanmaoNotify): { ok: true; value: LanmaoNotice } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(notify.respData);
  } catch {
    return { ok: false, reason: "respData is not valid JSON" };
  }
  const head = ZRespDataHead.safeParse(json);
  if (!head.success) return { ok: false, reason: `respData.${head.error.issues[0]?.path.join(".")}: ${head.error.issues[0]?.message}` };
  return { ok: true, value: { ...notify, resp: head.data } };
}

/** The document's other spellings (`CONFIRM_ COMPENSATORY` …) read as design.md §3's wire names. */
export const noticeService = (n: Pick<TLanmaoNotify, "serviceName">) => canonicalServiceName(n.serviceName) ?? n.serviceName;

/** design.md §3: serviceName + requestNo + the status it reports (ENTERPRISE_REGISTER reports several). */
export const lanmaoNotifyKey = (n: LanmaoNotice) => `${noticeService(n)}:${n.resp.requestNo}:${n.resp.status ?? n.resp.code ?? ""}`;

/** Verifies `sign` over `respData` (UTF-8) with the custody side's public key; false on any defect. */
export function verifyLanmaoSignature(publicKey: crypto.KeyObject | string, body: Buffer): boolean {
  return verifyLanmaoFields(publicKey, new URLSearchParams(body.toString("utf8")));
}

/** The same check on fields already read (the browser return arrives as a POST form or a GET query). */
export function verifyLanmaoFields(publicKey: crypto.KeyObject | string, fields: URLSearchParams): boolean {
  const respData = fields.get("respData");
  const sign = fields.get("sign");
  if (!respData || !sign) return false;
  try {
    return crypto.verify("RSA-SHA1", Buffer.from(respData, "utf8"), publicKey, Buffer.from(sign, "base64"));
  } catch {
    return false;
  }
}

const text = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** `SUCCESS` once recorded, whatever processing concluded; refusals are answered otherwise so 联银通 retries. */
export function answerLanmao(outcome: CallbackOutcome): Response {
  switch (outcome.kind) {
    case "processed":
    case "duplicate":
    case "deferred":
    case "unmatched":
      return text("SUCCESS");
    case "rejected":
      return text("FAIL: signature", 401);
    case "malformed":
      return text(`FAIL: ${outcome.reason}`, 400);
    case "too_large":
      return text("FAIL: body too large", 413);
  }
}

/**
 * Everything a 联银通 NOTIFY event shares; the custody area adds only its handler:
 *   defineInboundEvent({ ...lanmaoNotify(publicKey), handle })
 * One URL for every interface: the event type is the notice's `serviceName`.
 */
export function lanmaoNotify(publicKey: crypto.KeyObject | string | (() => crypto.KeyObject | string)) {
  // A function is read per delivery: the key comes from configuration (lanmaoConfig().publicKey), not at import.
  const key = () => (typeof publicKey === "function" ? publicKey() : publicKey);
  return {
    source: "lanmao",
    eventType: (n: LanmaoNotice) => noticeService(n),
    parse: parseLanmaoNotify,
    key: lanmaoNotifyKey,
    verify: (_headers: Headers, body: Buffer) => verifyLanmaoSignature(key(), body),
    answer: answerLanmao,
  } as const;
}

/**
 * A verified notice's `respData` read by its interface's 回调 table (schemas/notify.ts):
 * `success` with the typed data when `code` is 0, `failure` with the head otherwise, or
 * `unknown` for an interface that sends no notice or a body off the document's shape (kept,
 * for an admin to look at).
 */
export type NoticeReading =
  | { [S in LanmaoNotifyService]: { kind: "success"; service: S; data: NotifyData<S> } }[LanmaoNotifyService]
  | { kind: "failure"; service: string; data: z.infer<typeof ZNotifyFailure> }
  | { kind: "unknown"; service: string; reason: string };

export function readNotice(notice: Pick<TLanmaoNotify, "serviceName" | "respData">): NoticeReading {
  const service = noticeService(notice);
  let json: unknown;
  try {
    json = JSON.parse(notice.respData);
  } catch {
    return { kind: "unknown", service, reason: "respData is not valid JSON" };
  }
  const head = ZNotifyFailure.safeParse(json);
  if (!head.success) return { kind: "unknown", service, reason: `respData.${head.error.issues[0]?.path.join(".")}: ${head.error.issues[0]?.message}` };
  if (!isSuccessCode(head.data.code)) return { kind: "failure", service, data: head.data };
  if (!Object.hasOwn(NOTIFY_SCHEMAS, service)) return { kind: "unknown", service, reason: `${service} sends no notice` };
  const s = service as LanmaoNotifyService;
  const data = NOTIFY_SCHEMAS[s].safeParse(json);
  if (!data.success) return { kind: "unknown", service, reason: `respData.${data.error.issues[0]?.path.join(".")}: ${data.error.issues[0]?.message}` };
  return { kind: "success", service: s, data: data.data } as NoticeReading;
}

/**
 * The customer's browser back from the gateway (design.md §2: GET or POST, no session, no
 * Origin check): verified like a NOTIFY, since the browser carries what 联银通 signed. Only a
 * verified return is shown; finance sees the operation update from the NOTIFY.
 */
export function readLanmaoReturn(
  publicKey: crypto.KeyObject | string,
  fields: URLSearchParams,
): { ok: true; notice: TLanmaoNotify; reading: NoticeReading } | { ok: false; reason: "malformed" | "signature" } {
  const form = ZLanmaoNotify.safeParse(Object.fromEntries(fields));
  if (!form.success) return { ok: false, reason: "malformed" };
  if (!verifyLanmaoFields(publicKey, fields)) return { ok: false, reason: "signature" };
  return { ok: true, notice: form.data, reading: readNotice(form.data) };
}
