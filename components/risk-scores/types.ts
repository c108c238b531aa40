import type { ScoreDetail } from "@/lib/risk-score/queries";

/** The request as the client sees it: JSON (dates as strings), the same from the page and the poll. */
type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;
export type ScoreJson = Jsonify<ScoreDetail>;

export function toScoreJson(detail: ScoreDetail): ScoreJson {
  return JSON.parse(JSON.stringify(detail)) as ScoreJson;
}
