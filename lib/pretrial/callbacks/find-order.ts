import "server-only";
import type { Tx } from "@/lib/db";

/** Locks the order row so concurrent callbacks for one order apply one after the other. */
export async function lockOrderByOutsideId(tx: Tx, outsideOrderId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pretrial_orders WHERE outside_order_id = ${outsideOrderId} FOR UPDATE`;
  return rows[0] ? tx.pretrialOrder.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

export async function lockOrderByQuerySn(tx: Tx, querySn: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pretrial_orders WHERE query_sn = ${querySn} FOR UPDATE`;
  return rows[0] ? tx.pretrialOrder.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}
