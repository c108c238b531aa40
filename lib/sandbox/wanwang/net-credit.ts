import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { callbackSpec, errorSyncBody, wechatShareBody } from "./callbacks";
import type { WanwangConfig } from "./config";
import { ok, refuse, WANWANG_CODES } from "./envelope";
import { newMarkId, newQuerySn, newSignLinkId } from "./ids";
import { checkLicences } from "./licence-check";
import { findOrderByOutsideOrderId, isQuerySnTaken, isSignLinkTaken, saveOrder, type WanwangOrder } from "./orders";
import { errorBeforeSigning } from "./scenarios";
import { getSettings } from "./settings";
import { validateNetCredit } from "./validate";

/**
 * `POST …/bigDataService/netCredit`: opens a pretrial order and hands back the signing link.
 * A repeated `outsideOrderId` gets the order it already opened (same querySn and link, no
 * second wechatShare): a client retrying after a timeout must not open a second credit query.
 * With the `refuseRepeatedOutsideOrderId` setting it is refused as a duplicate instead.
 */
export function submitNetCredit(req: SandboxRequest, ctx: SandboxContext, config: WanwangConfig): SandboxResponse {
  let body: unknown;
  try {
    body = JSON.parse(req.text());
  } catch {
    return refuse(WANWANG_CODES.invalid, "请求体不是有效的 JSON");
  }
  const checked = validateNetCredit(body);
  if (!checked.ok) return refuse(WANWANG_CODES.invalid, checked.reason);
  const input = checked.value;

  const existing = findOrderByOutsideOrderId(ctx.state, input.outsideOrderId);
  if (existing) {
    const settings = getSettings(ctx.state);
    return settings.refuseRepeatedOutsideOrderId ? refuse(WANWANG_CODES.duplicate, "三方订单号已存在,请勿重复提交") : ok(netCreditData(existing));
  }

  // The channel sends one person, the 主借人; the answer is about that person (document example).
  const person = input.personList.find((p) => p.personType === 1) ?? input.personList[0];
  const now = Date.now();
  const settings = getSettings(ctx.state);
  const publicBase = config.publicVendorBase(ctx);
  const querySn = newQuerySn(now, (sn) => isQuerySnTaken(ctx.state, sn));
  const signLinkId = newSignLinkId(now, (id) => isSignLinkTaken(ctx.state, id));
  const failure = errorBeforeSigning(person.custName);
  const order: WanwangOrder = {
    querySn,
    outsideOrderId: input.outsideOrderId,
    signLinkId,
    markId: newMarkId(now),
    publicBase,
    contractUrl: `${publicBase}/sign?signLinkId=${signLinkId}`,
    channel: input.channel,
    creditType: input.creditType,
    dealersName: input.dealersName,
    socialCreditCode: input.socialCreditCode,
    person: {
      name: person.custName,
      idCard: person.certificateNum,
      phone: person.contactPhone,
      personType: person.personType,
      licenceFrontUrl: person.licenceFrontUrl,
      licenceBackUrl: person.licenceBackUrl,
    },
    createdAt: now,
    status: failure ? "FAILED" : "AWAITING_SIGNATURE",
    signedAt: null,
    declinedAt: null,
    reuseFlag: null,
    resultReadyAt: null,
    errorMessage: failure,
    errorAt: failure ? now + settings.errorSyncDelayMs : null,
    licenceChecks: [],
  };
  saveOrder(ctx.state, order);

  const send = failure
    ? callbackSpec(config, ctx, "errorSync", errorSyncBody(order, failure), querySn)
    : callbackSpec(config, ctx, "wechatShare", wechatShareBody(order), querySn);
  const delayMs = failure ? settings.errorSyncDelayMs : settings.wechatShareDelayMs;
  void ctx.callbacks.sequence(ctx.vendor, [{ delayMs, send }]);
  if (settings.checkLicences) {
    void checkLicences(ctx.state, querySn, { front: person.licenceFrontUrl, back: person.licenceBackUrl });
  }
  return ok(netCreditData(order));
}

/** The document's netCredit answer: the result fields exist but stay null until signing. */
function netCreditData(order: WanwangOrder) {
  return {
    outsideOrderId: order.outsideOrderId,
    querySn: order.querySn,
    idCard: order.person.idCard,
    phone: order.person.phone,
    name: order.person.name,
    licenceFrontUrl: null,
    licenceBackUrl: null,
    customerLevel: null,
    pretrialStatus: null,
    personReport: null,
    platformData: null,
    errReason: null,
    contractUrl: order.contractUrl,
  };
}
