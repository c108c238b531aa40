import "server-only";
import { writeAudit } from "@/lib/audit";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { isValidIdNumber } from "@/lib/pii/id-card";
import { indexPii } from "@/lib/pii/vault";
import { riskScoreConfig } from "@/lib/vendors/config";
import { verifySignedQuery } from "@/lib/vendors/risk-score/sign";
import { buildApplicantData } from "./applicant-data";

const fail = (status: number, message: string) => Response.json({ returnCode: "FAIL", message }, { status, headers: { "cache-control": "no-store" } });

/**
 * GET /api/risk-score/applicant-data (design.md §2): the vendor pulls the applicant's data
 * while scoring. Signed (MD5 over the sorted query + secret) and fresh (±300 s); the order must
 * be one we asked a score for; `mobile` / `id_num`, when sent, must match it. Only the
 * document's fields are returned. Every pull and every refusal is audited; nothing personal is
 * logged (the query string itself may carry a mobile or ID number, so it is never logged).
 */
export async function handleApplicantDataPull(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const q = url.searchParams;
  const zwOrder = q.get("zw_order") ?? "";
  const db = getDb();
  const ip = clientIpFrom(request.headers);
  const audit = (outcome: "ok" | "denied", detail: string) =>
    writeAudit(db, { actor: null, action: "riskScore.applicantDataPull", outcome, targetType: "riskScoreRequest", targetId: zwOrder || undefined, detail, ip });

  const verdict = verifySignedQuery(q, riskScoreConfig().secret, { nowSeconds: Math.floor(Date.now() / 1000) });
  if (!verdict.ok) {
    await audit("denied", `signature: ${verdict.reason}`);
    logger.warn({ reason: verdict.reason }, "applicant-data pull refused");
    return fail(401, verdict.reason === "stale" ? "timestamp outside the allowed window" : verdict.reason === "missing" ? "missing zw_order, timestamp or sign" : "signature mismatch");
  }
  const scoreRequest = await db.riskScoreRequest.findUnique({ where: { zwOrder }, include: { profile: true } });
  if (!scoreRequest) {
    await audit("denied", "unknown zw_order");
    return fail(404, "unknown zw_order");
  }
  const { profile } = scoreRequest;
  const mobile = q.get("mobile");
  const idNum = q.get("id_num");
  const mobileMismatch = mobile !== null && mobile !== "" && indexPii(mobile, "mobile") !== profile.mobileIdx;
  const idMismatch = idNum !== null && idNum !== "" && (!isValidIdNumber(idNum.toUpperCase()) || indexPii(idNum.toUpperCase(), "id") !== profile.idNumberIdx);
  if (mobileMismatch || idMismatch) {
    await audit("denied", mobileMismatch ? "mobile does not match the order" : "id_num does not match the order");
    return fail(400, "mobile or id_num does not match zw_order");
  }
  await db.riskScoreRequest.update({ where: { id: scoreRequest.id }, data: { pulledAt: new Date() } });
  await audit("ok", "applicant data returned");
  return Response.json({ returnCode: "SUCCESS", data: buildApplicantData(profile) }, { headers: { "cache-control": "no-store" } });
}
