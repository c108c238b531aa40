import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { parseJsonObject } from "./get-risk-score";
import { findPartnerSecret, getScoredOrder } from "./orders";
import { errorReply, historyReply } from "./replies";
import { signaturesMatch, signHistoryQuery, signValue } from "./sign";

/**
 * `POST /Partner/FengKong/getHistoryScores` `{partner_id, zw_order, sign}`. The document
 * gives only the success shape; for an order it never scored the sandbox answers 9001
 * (请求失败，请检测参数！), the closest of its listed codes. Not rate-limited: the console
 * calls it to recover from 9002, and a limit there would turn recovery into a failure.
 */
export function getHistoryScores(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const body = parseJsonObject(req.text());
  if (!body) return errorReply("badParams", "body is not a JSON object");

  const partnerId = signValue(body.partner_id);
  const zwOrder = signValue(body.zw_order);
  const secret = findPartnerSecret(partnerId);
  if (!secret) return errorReply("badSignature", "unknown partner_id");
  if (!signaturesMatch(body.sign, signHistoryQuery(partnerId, zwOrder, secret))) {
    return errorReply("badSignature", "sign does not match");
  }
  if (zwOrder.trim() === "") return errorReply("badParams", "zw_order missing or empty");

  const order = getScoredOrder(ctx.state, zwOrder);
  // Another partner's order is as unknown to this partner as one never scored.
  if (!order || order.partnerId !== partnerId) return errorReply("requestFailed", "no score for this zw_order");
  return historyReply(order.score);
}
