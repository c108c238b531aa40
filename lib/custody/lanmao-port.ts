import "server-only";
import { isVendorError } from "@/lib/vendors/core/errors";
import { queryLanmaoTransaction, sendLanmaoDirect, type LanmaoEndpoint } from "@/lib/vendors/lanmao/client";
import { lanmaoConfig } from "@/lib/vendors/lanmao/config";
import type { LanmaoDirectInterface } from "@/lib/vendors/lanmao/interfaces";
import { lanmaoSign } from "@/lib/vendors/lanmao/sign";
import { parseLanmaoTime } from "@/lib/vendors/lanmao/time";
import type { CustodyPort, QueryOutcome } from "./requests/port";

/**
 * The request log's port onto the 联银通 client (lib/vendors/lanmao/client.ts): a logged reqData
 * is sent exactly as written down (signed afresh: SHA1withRSA PKCS#1 v1.5 is deterministic, so
 * the same text gets the same signature), and QUERY_TRANSACTION's verdict is read.
 *
 * "Not found": the document names no code for a QUERY_TRANSACTION about an unknown requestNo.
 * A refusal with one of §5.1's platform-level codes (1000xx: system, format, signature,
 * platform, service) says nothing about the transaction and is NOT taken as "not found"; any
 * other refusal is (the sandbox answers 200003 交易不存在).
 */
export function lanmaoPort(endpointOrConfig: LanmaoEndpoint | (() => LanmaoEndpoint) = lanmaoConfig, deps: { fetch?: typeof fetch } = {}): CustodyPort {
  // Read when first used: an approval refused before sending never needs the keys.
  let resolved: LanmaoEndpoint | undefined;
  const ep = () => (resolved ??= typeof endpointOrConfig === "function" ? endpointOrConfig() : endpointOrConfig);
  return {
    async direct(serviceName, reqData) {
      const endpoint = ep();
      const service = serviceName as LanmaoDirectInterface;
      const request = JSON.parse(reqData) as Record<string, unknown>;
      const form = { serviceName: service, platformNo: endpoint.platformNo, reqData, keySerial: endpoint.keySerial, sign: lanmaoSign(reqData, endpoint.privateKey) };
      const requestNo = String(request.requestNo ?? request.oriRequestNo ?? "");
      const answer = await sendLanmaoDirect(endpoint, { service, requestNo, request: request as never, form }, deps);
      return answer.data as Record<string, unknown>;
    },
    async queryTransaction(requestNo, transactionType): Promise<QueryOutcome> {
      const endpoint = ep();
      try {
        const answer = await queryLanmaoTransaction(endpoint, requestNo, transactionType, deps);
        const record = answer.data as Record<string, unknown>;
        const status = String(record.status ?? "");
        if (status !== "INIT" && status !== "PROCESSING" && status !== "SUCCESS" && status !== "FAIL") return { found: true, status: "PROCESSING", transactionTime: null, record };
        return { found: true, status, transactionTime: parseLanmaoTime(String(record.transactionTime ?? "")), record };
      } catch (err) {
        if (isVendorError(err) && err.kind === "refused" && !String(err.vendorCode ?? "").startsWith("1000")) return { found: false };
        throw err;
      }
    },
  };
}
