import type { Jsonify } from "@/lib/format/json";
import type { PretrialOrderDetail } from "@/lib/pretrial/queries";

/** The order as the client sees it: JSON (dates as strings), the same from the page and the poll. */
export type OrderJson = Jsonify<PretrialOrderDetail>;

export function toOrderJson(order: PretrialOrderDetail): OrderJson {
  return JSON.parse(JSON.stringify(order)) as OrderJson;
}
