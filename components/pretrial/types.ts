import type { PretrialOrderDetail } from "@/lib/pretrial/queries";

/** The order as the client sees it: JSON (dates as strings), the same from the page and the poll. */
type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
export type OrderJson = Jsonify<PretrialOrderDetail>;

export function toOrderJson(order: PretrialOrderDetail): OrderJson {
  return JSON.parse(JSON.stringify(order)) as OrderJson;
}
