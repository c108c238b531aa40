import "server-only";
import type { z } from "zod";
import { callVendor } from "@/lib/vendors/core/call";
import { VendorError, unreadableError } from "@/lib/vendors/core/errors";
import { parseOrThrow } from "@/lib/vendors/core/validation";
import { riskScoreConfig, type RiskScoreConfig } from "@/lib/vendors/config";
import { DUPLICATE_ORDER_CODE, codeError, httpStatusError } from "./errors";
import { riskScoreManifest } from "./manifest";
import {
  SUCCESS_CODE,
  ZGetHistoryScoresAnswer,
  ZGetHistoryScoresRequest,
  ZGetRiskScoreAnswer,
  ZGetRiskScoreRequest,
  ZZwOrder,
  parseScore,
  type TScoreValue,
} from "./schemas";
import { signHistory, signParams } from "./sign";

/**
 * Typed client of the risk-score (风控) vendor (vendor-docs/001_…, design.md §3), on the
 * shared `callVendor` (timeout, no redirects, zod-parsed answer, log without bodies). The
 * vendor pulls the applicant's data from our endpoint while our POST waits, then answers a
 * score. Failures are `VendorError`s (errors.ts holds the code table).
 */
const VENDOR = riskScoreManifest.name;

export type RiskScoreClientConfig = Pick<RiskScoreConfig, "baseUrl" | "partnerId" | "secret" | "timeoutMs">;
export type RiskScoreClientDeps = { fetch: typeof fetch; now: () => Date };

/** A score or a model error; `fromHistory` when getRiskScore met 9002 and read the stored score. */
export type RiskScoreResult = TScoreValue & { fromHistory?: true };

export type RiskScoreClient = {
  getRiskScore(input: { idNum: string; mobile: string; zwOrder: string }): Promise<RiskScoreResult>;
  getHistoryScore(zwOrder: string): Promise<TScoreValue>;
};

export const RISK_SCORE_PATHS = {
  getRiskScore: "/Partner/FengKong/getRiskScore",
  getHistoryScores: "/Partner/FengKong/getHistoryScores",
} as const;

function scoreOf(value: string | number | null | undefined, field: string, status: number): TScoreValue {
  const score = parseScore(value);
  if (!score) throw unreadableError(VENDOR, `code 1000 without a readable ${field}`, status);
  return score;
}

export function createRiskScoreClient(config: RiskScoreClientConfig = riskScoreConfig(), deps: Partial<RiskScoreClientDeps> = {}): RiskScoreClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const doFetch = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? (() => new Date());

  /** One POST with the vendor's status mapping; `interpret` applies the code rule. */
  function post<S extends typeof ZGetRiskScoreAnswer | typeof ZGetHistoryScoresAnswer, R>(
    path: string,
    body: object,
    answer: S,
    interpret: (parsed: z.output<S>, status: number) => { result: R; vendorCode: string },
  ): Promise<R> {
    return callVendor({
      vendor: VENDOR,
      method: "POST",
      baseUrl,
      path,
      body: { json: body },
      // Bounds the whole exchange, body included; the vendor's pull of our endpoint happens inside it.
      timeoutMs: config.timeoutMs,
      fetch: doFetch,
      onStatus: (status) => httpStatusError(status),
      answer,
      interpret,
    });
  }

  async function getHistoryScore(zwOrder: string): Promise<TScoreValue> {
    const order = parseOrThrow(ZZwOrder, zwOrder, "risk-score zw_order");
    const request = parseOrThrow(
      ZGetHistoryScoresRequest,
      { partner_id: config.partnerId, zw_order: order, sign: signHistory(config.partnerId, order, config.secret) },
      "risk-score getHistoryScores request",
    );
    return post(RISK_SCORE_PATHS.getHistoryScores, request, ZGetHistoryScoresAnswer, (answer, status) => {
      if (answer.code !== SUCCESS_CODE) throw codeError(answer.code, answer.msg);
      return { result: scoreOf(answer.scores, "scores", status), vendorCode: answer.code };
    });
  }

  async function getRiskScore(input: { idNum: string; mobile: string; zwOrder: string }): Promise<RiskScoreResult> {
    const unsigned = {
      id_num: input.idNum,
      mobile: input.mobile,
      zw_order: input.zwOrder,
      partner_id: config.partnerId,
      timestamp: String(Math.floor(now().getTime() / 1000)),
    };
    const request = parseOrThrow(ZGetRiskScoreRequest, { ...unsigned, sign: signParams(unsigned, config.secret) }, "risk-score getRiskScore request");

    const outcome = await post<typeof ZGetRiskScoreAnswer, TScoreValue | "duplicate">(RISK_SCORE_PATHS.getRiskScore, request, ZGetRiskScoreAnswer, (answer, status) => {
      if (answer.code === SUCCESS_CODE) return { result: scoreOf(answer.data?.score, "data.score", status), vendorCode: answer.code };
      // 9002 is not a failure to show: the order was scored before (design.md §3).
      if (answer.code === DUPLICATE_ORDER_CODE) return { result: "duplicate" as const, vendorCode: answer.code };
      throw codeError(answer.code, answer.msg);
    });
    if (outcome !== "duplicate") return outcome;

    try {
      return { ...(await getHistoryScore(request.zw_order)), fromHistory: true };
    } catch (err) {
      // 9002 also answers an order being scored right now, whose history does not exist yet
      // (the history lookup then refuses it, e.g. 9001). Other failures keep their meaning.
      if (err instanceof VendorError && err.kind === "refused" && err.code === "VENDOR_REJECTED") {
        throw new VendorError(
          VENDOR,
          "refused",
          "CONFLICT",
          `risk-score 9002: the order was already submitted and its history score is not available (history answered ${err.vendorCode}); try again shortly`,
          { vendorCode: DUPLICATE_ORDER_CODE, retryable: true, cause: err },
        );
      }
      throw err;
    }
  }

  return { getRiskScore, getHistoryScore };
}
