import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { riskScoreConfig, type RiskScoreConfig } from "@/lib/vendors/config";
import { RiskScoreError, codeError, httpStatusError, malformedError, transportError } from "./errors";
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
 * Typed client of the risk-score (风控) vendor (vendor-docs/001_…, design.md §3). The vendor
 * pulls the applicant's data from our endpoint while our POST waits, then answers a score.
 * Failures are `RiskScoreError`s (errors.ts). Logs carry method, path, status, duration and
 * vendor code only: the request body holds the ID number and the mobile.
 */

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

function validationError(what: string, error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  // Issue messages name the rule, never the value, so personal data does not leak here.
  return new AppError("VALIDATION", `invalid risk-score ${what}: ${Object.keys(fieldErrors).join(", ")}`, { fieldErrors });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Status + body → the parsed answer, or the error for a non-2xx / unreadable one. */
function parseAnswer<T extends z.ZodType>(status: number, text: string, schema: T): z.output<T> {
  if (status < 200 || status >= 300) throw httpStatusError(status);
  const json = safeJson(text);
  if (json === undefined) throw malformedError("body is not JSON", status);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 5).join(", ");
    throw malformedError(`not the documented shape (${paths})`, status);
  }
  return parsed.data;
}

function scoreOf(value: string | number | null | undefined, field: string, status: number): TScoreValue {
  const score = parseScore(value);
  if (!score) throw malformedError(`code 1000 without a readable ${field}`, status);
  return score;
}

export function createRiskScoreClient(config: RiskScoreClientConfig = riskScoreConfig(), deps: Partial<RiskScoreClientDeps> = {}): RiskScoreClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const doFetch = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? (() => new Date());

  /** One POST; `interpret` turns the answer into a result or throws. Logged without bodies. */
  async function post<R>(path: string, body: object, interpret: (status: number, text: string) => { result: R; vendorCode: string }): Promise<R> {
    const started = performance.now();
    const logFields = { vendor: "risk-score", method: "POST", path };
    let status: number | undefined;
    let vendorCode: string | undefined;
    try {
      let text: string;
      try {
        const res = await doFetch(baseUrl + path, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
          // Bounds the whole exchange, body included; the vendor's pull of our endpoint happens inside it.
          signal: AbortSignal.timeout(config.timeoutMs),
          // A redirect means a wrong base URL; following it could turn the POST into a GET.
          redirect: "manual",
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        throw transportError(err, `risk-score POST ${path}`);
      }
      const answer = interpret(status, text);
      vendorCode = answer.vendorCode;
      logger.info({ ...logFields, status, vendorCode, durationMs: Math.round(performance.now() - started) }, "risk-score call");
      return answer.result;
    } catch (err) {
      const e = err instanceof RiskScoreError ? err : transportError(err, `risk-score POST ${path}`);
      logger.warn(
        { ...logFields, status, vendorCode: e.vendorCode, kind: e.kind, durationMs: Math.round(performance.now() - started), err: e },
        "risk-score call failed",
      );
      throw e;
    }
  }

  async function getHistoryScore(zwOrder: string): Promise<TScoreValue> {
    const order = ZZwOrder.safeParse(zwOrder);
    if (!order.success) throw validationError("zw_order", order.error);
    const request = ZGetHistoryScoresRequest.safeParse({
      partner_id: config.partnerId,
      zw_order: order.data,
      sign: signHistory(config.partnerId, order.data, config.secret),
    });
    if (!request.success) throw validationError("getHistoryScores request", request.error);
    return post(RISK_SCORE_PATHS.getHistoryScores, request.data, (status, text) => {
      const answer = parseAnswer(status, text, ZGetHistoryScoresAnswer);
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
    const request = ZGetRiskScoreRequest.safeParse({ ...unsigned, sign: signParams(unsigned, config.secret) });
    if (!request.success) throw validationError("getRiskScore request", request.error);

    const outcome = await post<TScoreValue | "duplicate">(RISK_SCORE_PATHS.getRiskScore, request.data, (status, text) => {
      const answer = parseAnswer(status, text, ZGetRiskScoreAnswer);
      if (answer.code === SUCCESS_CODE) return { result: scoreOf(answer.data?.score, "data.score", status), vendorCode: answer.code };
      const error = codeError(answer.code, answer.msg);
      // 9002 is not a failure to show: the order was scored before (design.md §3).
      if (error.kind === "duplicate") return { result: "duplicate" as const, vendorCode: answer.code };
      throw error;
    });
    if (outcome !== "duplicate") return outcome;

    try {
      return { ...(await getHistoryScore(request.data.zw_order)), fromHistory: true };
    } catch (err) {
      // 9002 also answers an order being scored right now, whose history does not exist yet
      // (the history lookup then refuses it, e.g. 9001). Other failures keep their meaning.
      if (err instanceof RiskScoreError && err.kind === "rejected") {
        throw new RiskScoreError(
          "CONFLICT",
          "duplicate",
          `risk-score 9002: the order was already submitted and its history score is not available (history answered ${err.vendorCode}); try again shortly`,
          { vendorCode: "9002", retryable: true, cause: err },
        );
      }
      throw err;
    }
  }

  return { getRiskScore, getHistoryScore };
}
