import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/types";
import { pullApplicantData } from "./applicant-data";
import { claimOrder, releaseOrder, takeRateSlot } from "./limits";
import { findPartnerSecret, getScoredOrder, saveScoredOrder } from "./orders";
import { errorReply, missingFieldReply, scoreReply } from "./replies";
import { decideRiskScore } from "./score";
import { readSettings } from "./settings";
import { signaturesMatch, signRiskScoreParams, signValue } from "./sign";

/** The document's request fields; all are "(string)" and none is marked optional. */
export const REQUIRED_PARAMS = ["id_num", "mobile", "zw_order", "partner_id", "timestamp", "sign"] as const;
/** How far the request's clock may be from ours (design.md uses ±300 s for the pull too). */
export const MAX_CLOCK_SKEW_S = 300;

/**
 * `POST /Partner/FengKong/getRiskScore`. Checks run in a fixed order so each code has
 * one way to reach it (docs/sandbox-risk-score.md): 100 → 2001 → 4001 → 9002 → 9001 →
 * 4002 → pull (9003 / 4005) → 1000.
 */
export async function getRiskScore(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse> {
  const body = parseJsonObject(req.text());
  // Without an object there is nothing to verify a signature over; call it a parameter error.
  if (!body) return errorReply("badParams", "body is not a JSON object");

  // Signature first, so nothing below is told to an unauthenticated caller.
  const partnerId = signValue(body.partner_id);
  const secret = findPartnerSecret(partnerId);
  if (!secret) return errorReply("badSignature", "unknown partner_id");
  if (!signaturesMatch(body.sign, signRiskScoreParams(body, secret))) {
    return errorReply("badSignature", "sign does not match");
  }

  const missing = REQUIRED_PARAMS.find((key) => signValue(body[key]).trim() === "");
  if (missing) return errorReply("badParams", `${missing} missing or empty`);
  const timestamp = signValue(body.timestamp);
  if (!/^\d+$/.test(timestamp)) return errorReply("badParams", "timestamp is not whole seconds");

  const settings = readSettings(ctx);
  if (!takeRateSlot(ctx.state, partnerId, settings.rateLimitPerMinute)) {
    return errorReply("rateLimited", `more than ${settings.rateLimitPerMinute} calls in 60 s`);
  }

  // Orders are "全局唯一" in the document, so the check is not per partner. An order being
  // scored right now counts as existing: two racing requests must not both pull.
  const zwOrder = signValue(body.zw_order);
  if (getScoredOrder(ctx.state, zwOrder) || !claimOrder(ctx.state, zwOrder)) return errorReply("duplicateOrder");
  try {
    const skew = Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp));
    if (skew > MAX_CLOCK_SKEW_S) return errorReply("requestFailed", `timestamp ${skew} s off`);
    if (!settings.callbackUrl) return errorReply("noCallbackUrl", "callbackUrl setting is null");

    const idNum = signValue(body.id_num);
    const pulled = await pullApplicantData({
      callbackUrl: settings.callbackUrl,
      zwOrder,
      mobile: signValue(body.mobile),
      idNum,
      sendPii: settings.sendPiiInCallback,
      secret,
      corruptSignature: ctx.faults.badSignature,
      timeoutMs: settings.pullTimeoutMs,
    });
    // A failed pull scores nothing, so the console may fix its side and send the order again.
    if (!pulled.ok) {
      return pulled.problem === "missing-field" ? missingFieldReply(pulled.field) : errorReply("badPull", pulled.note);
    }
    const score = decideRiskScore(idNum, pulled.data, settings.fixedScore);
    saveScoredOrder(ctx.state, zwOrder, { partnerId, score, scoredAt: new Date().toISOString() });
    return scoreReply(score);
  } finally {
    releaseOrder(ctx.state, zwOrder);
  }
}

export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
