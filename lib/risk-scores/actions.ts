"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roleActionClient } from "@/lib/safe-action";
import { riskScoreConfig } from "@/lib/vendors/config";
import { createRiskScoreClient } from "@/lib/vendors/risk-score/client";
import { RISK_SCORE_ROLES, requestScope } from "./access";
import { setCutoffs } from "./cutoffs";
import { ZCutoffsInput, ZProfileIdInput, ZRequestIdInput } from "./schemas";
import { requestRiskScore } from "./score-service";

/** Requests a score for a complete profile (one pending request per profile). */
export const requestRiskScoreAction = roleActionClient(RISK_SCORE_ROLES)
  .metadata({ name: "riskScore.request" })
  .inputSchema(ZProfileIdInput)
  .action(async ({ parsedInput, ctx }) => {
    const r = await requestRiskScore(getDb(), ctx.user, parsedInput.profileId).catch(async (error) => {
      throw await withFieldLabels(error);
    });
    ctx.audit({ targetType: "riskScoreRequest", targetId: r.id, after: { zwOrder: r.zwOrder, status: r.status, decision: r.decision } });
    revalidatePath("/risk-scores");
    return { requestId: r.id, status: r.status };
  });

/** "Missing: operatorReport, phone2" → the form's own labels, in the user's language. */
async function withFieldLabels(error: unknown): Promise<unknown> {
  if (!(error instanceof AppError) || error.i18n?.key !== "riskProfileIncomplete") return error;
  const t = await getTranslations("riskProfile");
  const fields = String(error.i18n.values?.fields ?? "").split(", ").map((f) => (t.has(f) ? t(f) : f));
  return new AppError(error.code, error.message, { i18n: { key: "riskProfileIncomplete", values: { fields: fields.join("、") } } });
}

/** Looks the score up again with getHistoryScores (read-only at the vendor). */
export const lookupHistoryScoreAction = roleActionClient(RISK_SCORE_ROLES)
  .metadata({ name: "riskScore.history" })
  .inputSchema(ZRequestIdInput)
  .action(async ({ parsedInput, ctx }) => {
    const r = await getDb().riskScoreRequest.findFirst({ where: { AND: [{ id: parsedInput.requestId }, requestScope(ctx.user)] }, select: { id: true, zwOrder: true } });
    if (!r) throw new AppError("NOT_FOUND", `score request ${parsedInput.requestId}`);
    const result = await createRiskScoreClient(riskScoreConfig()).getHistoryScore(r.zwOrder);
    ctx.audit({ targetType: "riskScoreRequest", targetId: r.id, detail: `history: ${result.kind === "score" ? result.score : "model error"}` });
    return result.kind === "score" ? { kind: "score" as const, score: result.score, raw: result.raw } : { kind: "model-error" as const, raw: result.raw };
  });

/** Admins edit the cut-offs; decisions already made keep the cut-off they were made with. */
export const setCutoffsAction = roleActionClient(["ADMIN"])
  .metadata({ name: "riskScore.setCutoffs" })
  .inputSchema(ZCutoffsInput)
  .action(async ({ parsedInput, ctx }) => {
    const { before, after } = await setCutoffs(getDb(), parsedInput, ctx.user.id);
    ctx.audit({ targetType: "setting", targetId: "riskScore.cutoffs", before, after });
    revalidatePath("/risk-scores");
    return after;
  });
