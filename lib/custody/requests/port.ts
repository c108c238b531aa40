import type { LanmaoServiceName, LanmaoTransactionType } from "@/lib/vendors/lanmao/services";

/**
 * What the request log needs from the 联银通 client: send a logged reqData as it was written
 * down, and ask QUERY_TRANSACTION. `direct` resolves with the verified answer's data when
 * `code` is 0 and throws a VendorError otherwise (kind `refused` for a custody "no",
 * `ambiguous` / `unreadable` when the outcome is unknown, `not_sent` when nothing left).
 */
export type CustodyPort = {
  direct(serviceName: LanmaoServiceName, reqData: string): Promise<Record<string, unknown>>;
  queryTransaction(requestNo: string, transactionType: LanmaoTransactionType): Promise<QueryOutcome>;
};

/** QUERY_TRANSACTION's verdict on one requestNo (§3.3, 交易状态 5.3.21). */
export type QueryOutcome =
  | { found: false }
  | { found: true; status: "INIT" | "PROCESSING" | "SUCCESS" | "FAIL"; transactionTime: Date | null; record: Record<string, unknown> };
