import { randomBytes } from "node:crypto";
import type { CallbackSpec, CallbackStep } from "../core/callbacks";
import type { SandboxContext } from "../core/types";
import type { WanwangConfig } from "./config";
import type { WanwangOrder } from "./orders";
import { outcomeFor } from "./outcome";

/**
 * Callback bodies exactly as the document's examples (field names, order and JSON types),
 * POSTed to the console's endpoints of design.md §2 with the shared bearer token.
 */
export type WanwangEvent = "pretrialResult" | "signed" | "errorSync" | "wechatShare";

const CONSOLE_PATHS: Record<WanwangEvent, string> = {
  pretrialResult: "pretrial-result",
  signed: "signed",
  errorSync: "error-sync",
  wechatShare: "wechat-share",
};

export const SIGNED_TYPES = [
  { type: 0, typeDesc: "授权书签约完成时间" },
  { type: 1, typeDesc: "人行报告发起时间" },
  { type: 2, typeDesc: "人行报告拉取成功时间" },
  { type: 3, typeDesc: "大数据结果返回时间" },
] as const;

export function callbackSpec(
  config: WanwangConfig,
  ctx: SandboxContext,
  event: WanwangEvent,
  body: object,
  key: string,
): CallbackSpec {
  const token = config.callbackToken();
  // The badSignature fault sends a token the console must refuse (401) and keep as rejected.
  const sent = ctx.faults.badSignature ? `wrong-${randomBytes(12).toString("hex")}` : token;
  return {
    vendor: ctx.vendor,
    url: `${ctx.consoleBaseUrl}/api/callbacks/wanwang/${CONSOLE_PATHS[event]}`,
    headers: sent ? { authorization: `Bearer ${sent}` } : {},
    body,
    key: `${event} ${key}`,
  };
}

/** The SMS the vendor sends the customer; every `signed` callback carries it as `message`. */
export function signingSms(order: WanwangOrder): string {
  return `${order.person.name} 先生/女士:您申请的大数据征信查询订单已发起,请您按要求完成电子合同签约,点击 ${order.contractUrl} 立即进入签约过程`;
}

export function signedBody(order: WanwangOrder, type: number, time: number) {
  const step = SIGNED_TYPES[type];
  return {
    message: signingSms(order),
    outsideOrderId: order.outsideOrderId,
    querySn: order.querySn,
    reuseFlag: order.reuseFlag ?? 0,
    time,
    type: step.type,
    typeDesc: step.typeDesc,
  };
}

/** Licence copies the vendor keeps of the images (it does not hand back the console's expiring URLs). */
export function licenceCopyUrls(order: WanwangOrder) {
  return {
    licenceFrontUrl: `${order.publicBase}/obs/${order.querySn}/front.png`,
    licenceBackUrl: `${order.publicBase}/obs/${order.querySn}/back.png`,
  };
}

export function pretrialResultBody(order: WanwangOrder) {
  const outcome = outcomeFor(order.person.idCard);
  const copies = licenceCopyUrls(order);
  return {
    customerLevel: outcome.customerLevel,
    idCard: order.person.idCard,
    licenceBackUrl: copies.licenceBackUrl,
    licenceFrontUrl: copies.licenceFrontUrl,
    name: order.person.name,
    outsideOrderId: order.outsideOrderId,
    personReport: outcome.personReport,
    phone: order.person.phone,
    platformData: outcome.platformData,
    pretrialStatus: outcome.pretrialStatus,
    querySn: order.querySn,
  };
}

export function errorSyncBody(order: WanwangOrder, message: string) {
  return { message, outsideOrderId: order.outsideOrderId, querySn: order.querySn };
}

export function wechatShareBody(order: WanwangOrder) {
  return {
    contractUrl: order.contractUrl,
    markId: order.markId,
    querySn: order.querySn,
    wechatShareUrl: `${order.publicBase}/share/${order.querySn}.png`,
  };
}

/**
 * The steps after signing, `intervalMs` apart: signed 0–3 then pretrialResult, or — for a
 * report-pull failure — signed 0 and 1 then errorSync. `time` is when each event happened.
 */
export function afterSigningSteps(
  config: WanwangConfig,
  ctx: SandboxContext,
  order: WanwangOrder,
  intervalMs: number,
  pullFailure: string | null,
): CallbackStep[] {
  const signedAt = order.signedAt ?? Date.now();
  const spec = (event: WanwangEvent, body: object) => callbackSpec(config, ctx, event, body, order.querySn);
  const types = pullFailure ? [0, 1] : [0, 1, 2, 3];
  const steps = types.map((type) => spec("signed", signedBody(order, type, signedAt + type * intervalMs)));
  steps.push(pullFailure ? spec("errorSync", errorSyncBody(order, pullFailure)) : spec("pretrialResult", pretrialResultBody(order)));
  return steps.map((send) => ({ delayMs: intervalMs, send }));
}
