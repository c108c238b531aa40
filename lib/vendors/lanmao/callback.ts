import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { CallbackOutcome, Parsed } from "@/lib/inbox/define-event";
import { formBody } from "@/lib/inbox/parse-body";

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

/** design.md §3: serviceName + requestNo + the status it reports (ENTERPRISE_REGISTER reports several). */
export const lanmaoNotifyKey = (n: LanmaoNotice) => `${n.serviceName}:${n.resp.requestNo}:${n.resp.status ?? n.resp.code ?? ""}`;

/** Verifies `sign` over `respData` (UTF-8) with the custody side's public key; false on any defect. */
export function verifyLanmaoSignature(publicKey: crypto.KeyObject | string, body: Buffer): boolean {
  const fields = new URLSearchParams(body.toString("utf8"));
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
export function lanmaoNotify(publicKey: crypto.KeyObject | string) {
  return {
    source: "lanmao",
    eventType: (n: LanmaoNotice) => n.serviceName,
    parse: parseLanmaoNotify,
    key: lanmaoNotifyKey,
    verify: (_headers: Headers, body: Buffer) => verifyLanmaoSignature(publicKey, body),
    answer: answerLanmao,
  } as const;
}
