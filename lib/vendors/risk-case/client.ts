import "server-only";
import { callVendor } from "@/lib/vendors/core/call";
import { unreadableError } from "@/lib/vendors/core/errors";
import { parseOrThrow } from "@/lib/vendors/core/validation";
import { riskCaseConfig, type RiskCaseConfig } from "@/lib/vendors/config";
import { codeError, httpStatusError } from "./errors";
import { riskCaseManifest } from "./manifest";
import { RISK_CASE_SUCCESS_CODE, ZRiskCaseAnswer, ZRiskCaseQuery, ZRiskCaseRequest, pageOf, parseRiskCaseRow, type ParsedRow, type TRiskCaseQuery } from "./schemas";
import { signRiskCaseRequest } from "./sign";

/**
 * Typed client of the risk-case service (vendor-docs/002_…, design.md §3) on the shared
 * `callVendor`. One call: a signed page of cases. Each row is parsed on its own, so a record
 * that fails the schema comes back flagged with its raw form instead of failing the page.
 * The query changes nothing vendor-side: any failure may be retried freely.
 */
const VENDOR = riskCaseManifest.name;

export type RiskCaseClientConfig = Pick<RiskCaseConfig, "url" | "accessId" | "secret" | "timeoutMs">;
export type RiskCasePage = { total: number; rows: ParsedRow[] };
export type RiskCaseClient = { queryCases(query: TRiskCaseQuery): Promise<RiskCasePage> };

export function createRiskCaseClient(config: RiskCaseClientConfig = riskCaseConfig(), deps: { fetch?: typeof fetch } = {}): RiskCaseClient {
  const url = new URL(config.url);

  async function queryCases(query: TRiskCaseQuery): Promise<RiskCasePage> {
    const checked = parseOrThrow(ZRiskCaseQuery, query, "risk-case query");
    const unsigned = { ...checked, accessid: config.accessId };
    const request = parseOrThrow(ZRiskCaseRequest, { ...unsigned, sign: signRiskCaseRequest(unsigned, config.secret) }, "risk-case request");
    return callVendor({
      vendor: VENDOR,
      method: "POST",
      baseUrl: url.origin,
      path: url.pathname + url.search,
      body: { json: request },
      timeoutMs: config.timeoutMs,
      fetch: deps.fetch,
      onStatus: (status) => httpStatusError(status),
      answer: ZRiskCaseAnswer,
      interpret: (answer, status) => {
        if (answer.return_code !== RISK_CASE_SUCCESS_CODE) throw codeError(answer.return_code, answer.return_msg);
        const page = pageOf(answer);
        if (!page) throw unreadableError(VENDOR, "rows without a total", status);
        return { result: { total: page.total, rows: page.rows.map(parseRiskCaseRow) }, vendorCode: answer.return_code };
      },
      log: { page: checked.page },
    });
  }

  return { queryCases };
}
