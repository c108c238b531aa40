import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { afterSigningSteps, callbackSpec, errorSyncBody } from "./callbacks";
import type { WanwangConfig } from "./config";
import { findOrderBySignLinkId, hasEarlierSignedOrder, updateOrder, type WanwangOrder } from "./orders";
import { DECLINE_MESSAGE, failsReportPull, PULL_FAILURE_MESSAGE } from "./scenarios";
import { getSettings } from "./settings";
import {
  alreadyDeclinedPage,
  alreadySignedPage,
  badDecisionPage,
  closedPage,
  declinedPage,
  signedPage,
  signingFormPage,
  unknownLinkPage,
} from "./sign-page";

/** `GET /sign?signLinkId=…`: the authorization to sign, or where the order already stands. */
export function showSigningPage(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const order = findOrderBySignLinkId(ctx.state, req.query.get("signLinkId") ?? "");
  if (!order) return unknownLinkPage();
  return order.status === "AWAITING_SIGNATURE" ? signingFormPage(order) : settledPage(order);
}

/**
 * `POST /sign` (form: signLinkId, decision=sign|decline). The status changes before any
 * callback is queued and nothing is awaited in between, so a double tap on the button
 * starts one callback sequence, not two.
 */
export function submitSigning(req: SandboxRequest, ctx: SandboxContext, config: WanwangConfig): SandboxResponse {
  const form = req.form();
  const found = findOrderBySignLinkId(ctx.state, form.get("signLinkId") ?? "");
  if (!found) return unknownLinkPage();
  if (found.status !== "AWAITING_SIGNATURE") return settledPage(found);
  const decision = form.get("decision");
  if (decision !== "sign" && decision !== "decline") return badDecisionPage();

  const now = Date.now();
  const settings = getSettings(ctx.state);
  const interval = settings.callbackIntervalMs;
  if (decision === "decline") {
    const order = updateOrder(ctx.state, found.querySn, (o) => ({
      ...o,
      status: "DECLINED",
      declinedAt: now,
      errorMessage: DECLINE_MESSAGE,
      errorAt: now + settings.errorSyncDelayMs,
    }))!;
    const send = callbackSpec(config, ctx, "errorSync", errorSyncBody(order, DECLINE_MESSAGE), order.querySn);
    void ctx.callbacks.sequence(ctx.vendor, [{ delayMs: settings.errorSyncDelayMs, send }]);
    return declinedPage();
  }

  const pullFailure = failsReportPull(found.person.name) ? PULL_FAILURE_MESSAGE : null;
  const reuse = hasEarlierSignedOrder(ctx.state, found.person.idCard, found.querySn);
  // Event times follow signed type k at signedAt + k·interval (see callbacks.afterSigningSteps):
  // the result exists from the type-3 moment, a pull failure from the type-2 one.
  const order = updateOrder(ctx.state, found.querySn, (o) => ({
    ...o,
    status: "SIGNED",
    signedAt: now,
    reuseFlag: reuse ? 1 : 0,
    resultReadyAt: pullFailure ? null : now + 3 * interval,
    errorMessage: pullFailure,
    errorAt: pullFailure ? now + 2 * interval : null,
  }))!;
  void ctx.callbacks.sequence(ctx.vendor, afterSigningSteps(config, ctx, order, interval, pullFailure));
  return signedPage();
}

function settledPage(order: WanwangOrder): SandboxResponse {
  if (order.status === "SIGNED") return alreadySignedPage();
  if (order.status === "DECLINED") return alreadyDeclinedPage();
  return closedPage(order.errorMessage ?? "系统异常");
}
