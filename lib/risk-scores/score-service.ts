import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { nextDailyNumber } from "@/lib/sequence";
import { riskScoreConfig } from "@/lib/vendors/config";
import { createRiskScoreClient } from "@/lib/vendors/risk-score/client";
import { VendorError } from "@/lib/vendors/core/errors";
import { missingFieldOf } from "@/lib/vendors/risk-score/errors";
import { decideScore } from "@/lib/vendors/risk-score/transform";
import { profileScope } from "./access";
import { getCutoffs } from "./cutoffs";
import { profileIdentity, profileMissingFields } from "./profile-service";

export const RETRY_POLICY = {
  maxAttempts: 8,
  /** 1, 2, 4, 8 … minutes, capped at an hour. */
  delayMs: (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000,
  claimMs: 60_000,
} as const;

/**
 * Asks for a score for a complete profile. One pending request per profile: asking again while
 * one is pending returns it, so a double click never sends two order numbers.
 */
export async function requestRiskScore(db: Db, user: SessionUser, profileId: string) {
  const profile = await db.riskProfile.findFirst({ where: { AND: [{ id: profileId }, profileScope(user)] } });
  if (!profile) throw new AppError("NOT_FOUND", `risk profile ${profileId}`);
  const missing = profileMissingFields(profile);
  if (missing.length) {
    throw new AppError("VALIDATION", `profile incomplete: ${missing.join(", ")}`, { i18n: { key: "riskProfileIncomplete", values: { fields: missing.join(", ") } } });
  }
  const pending = await db.riskScoreRequest.findFirst({ where: { profileId, status: "PENDING" } });
  if (pending) return attemptRiskScore(db, pending.id);
  const request = await db.riskScoreRequest.create({
    data: {
      zwOrder: await nextDailyNumber(db, "riskScore.zwOrder", "RS"),
      profileId,
      pretrialOrderId: profile.pretrialOrderId,
      requestedById: user.id,
      channelKind: profile.channelKind,
      status: "PENDING",
    },
  });
  return attemptRiskScore(db, request.id);
}

/**
 * One attempt for a pending request, always with its own `zw_order`. The claim keeps the job
 * and a user from sending at the same moment. Transient failures (rate limit, timeout, the
 * vendor unable to read our endpoint) leave it pending with the next attempt scheduled; a 9002
 * is answered by the client with the history score.
 */
export async function attemptRiskScore(db: Db, requestId: string, now = new Date()) {
  const [claimed] = await db.riskScoreRequest.updateManyAndReturn({
    where: { id: requestId, status: "PENDING", OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - RETRY_POLICY.claimMs) } }] },
    data: { claimedAt: now, attempts: { increment: 1 } },
  });
  if (!claimed) return db.riskScoreRequest.findUniqueOrThrow({ where: { id: requestId } });
  const profile = await db.riskProfile.findUniqueOrThrow({ where: { id: claimed.profileId } });
  try {
    const result = await createRiskScoreClient(riskScoreConfig()).getRiskScore({ ...profileIdentity(profile), zwOrder: claimed.zwOrder });
    if (result.kind === "model-error") {
      return db.riskScoreRequest.update({
        where: { id: requestId },
        data: { status: "MODEL_ERROR", decision: "model-error", scoreRaw: result.raw, fromHistory: !!result.fromHistory, scoredAt: new Date(), claimedAt: null, lastError: null, nextAttemptAt: null },
      });
    }
    const cutoff = (await getCutoffs(db))[claimed.channelKind];
    return db.riskScoreRequest.update({
      where: { id: requestId },
      data: {
        status: "SCORED",
        score: result.score,
        scoreRaw: result.raw,
        cutoff,
        decision: decideScore(result, cutoff),
        fromHistory: !!result.fromHistory,
        vendorCode: "1000",
        scoredAt: new Date(),
        claimedAt: null,
        lastError: null,
        nextAttemptAt: null,
      },
    });
  } catch (error) {
    const e = error instanceof VendorError ? error : null;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const retryable = (e?.retryable ?? !(error instanceof AppError)) && claimed.attempts < RETRY_POLICY.maxAttempts;
    logger.warn({ requestId, zwOrder: claimed.zwOrder, vendorCode: e?.vendorCode, kind: e?.kind, retryable }, "risk score attempt failed");
    return db.riskScoreRequest.update({
      where: { id: requestId },
      data: {
        status: retryable ? "PENDING" : "FAILED",
        vendorCode: e?.vendorCode === undefined ? null : String(e.vendorCode),
        lastError: message,
        missingField: missingFieldOf(e) ?? null,
        nextAttemptAt: retryable ? new Date(now.getTime() + RETRY_POLICY.delayMs(claimed.attempts)) : null,
        claimedAt: null,
      },
    });
  }
}

/** Worker: every pending request whose next attempt is due. */
export async function runRiskScoreRetries(db: Db, now = new Date()) {
  const due = await db.riskScoreRequest.findMany({ where: { status: "PENDING", nextAttemptAt: { lte: now } }, select: { id: true }, take: 20, orderBy: { nextAttemptAt: "asc" } });
  for (const r of due) await attemptRiskScore(db, r.id, now);
  return { attempted: due.length };
}
