import "server-only";
import type { Tx } from "@/lib/db";
import type { PretrialStatus } from "@/lib/generated/prisma/enums";

/** The order fields callbacks read, fetched and locked in one statement. */
export type LockedOrder = {
  id: string;
  outsideOrderId: string;
  querySn: string | null;
  status: PretrialStatus;
  signedType: number | null;
  contractUrl: string | null;
  errReason: string | null;
  resultAt: Date | null;
};

/**
 * Locks the order row (`FOR UPDATE`) so concurrent callbacks for one order apply one after the
 * other, and reads what the handlers need in the same round trip — callbacks are the hot path.
 */
async function lockOrder(tx: Tx, column: "outside_order_id" | "query_sn", value: string): Promise<LockedOrder | null> {
  const where = column === "outside_order_id" ? tx.$queryRaw<LockedOrder[]>`
    SELECT id, outside_order_id AS "outsideOrderId", query_sn AS "querySn", status::text AS status, signed_type AS "signedType",
           contract_url AS "contractUrl", err_reason AS "errReason", result_at AS "resultAt"
    FROM pretrial_orders WHERE outside_order_id = ${value} FOR UPDATE` : tx.$queryRaw<LockedOrder[]>`
    SELECT id, outside_order_id AS "outsideOrderId", query_sn AS "querySn", status::text AS status, signed_type AS "signedType",
           contract_url AS "contractUrl", err_reason AS "errReason", result_at AS "resultAt"
    FROM pretrial_orders WHERE query_sn = ${value} FOR UPDATE`;
  const rows = await where;
  return rows[0] ?? null;
}

export const lockOrderByOutsideId = (tx: Tx, outsideOrderId: string) => lockOrder(tx, "outside_order_id", outsideOrderId);
export const lockOrderByQuerySn = (tx: Tx, querySn: string) => lockOrder(tx, "query_sn", querySn);
