import { signRiskScoreParams } from "./sign";

/**
 * The pull: the vendor fetches the applicant's data from the console with a signed GET
 * (the document's "回调接口", http+get; design.md §2 fixes the signing).
 */

/** The document's （必） fields, in the document's order; 4005 names the first one missing. */
export const REQUIRED_FIELDS = [
  "customer_info.real_name",
  "customer_info.gender",
  "customer_extra_info.user_address",
  "customer_extra_info.relation1",
  "customer_extra_info.name1",
  "customer_extra_info.phone1",
  "customer_extra_info.relation2",
  "customer_extra_info.name2",
  "customer_extra_info.phone2",
  "channel_id",
  "loanBangData",
  "originalLoanBangData",
] as const;

export interface PullTarget {
  callbackUrl: string;
  zwOrder: string;
  mobile: string;
  idNum: string;
  /** Personal data in a URL ends up in access logs; off unless a test asks for it. */
  sendPii: boolean;
  secret: string;
  /** The badSignature fault: sign with a wrong secret so the console's 401 can be seen. */
  corruptSignature: boolean;
  timeoutMs: number;
  now?: Date;
}

export type PullResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: "bad-pull"; note: string }
  | { ok: false; problem: "missing-field"; field: string };

/**
 * `<callbackUrl>?zw_order=…&timestamp=<s>&sign=…`, sign = md5 of the ASCII-sorted `k=v` of
 * the other query params + secret. Values are signed raw and URL-encoded only on the wire.
 */
export function buildPullUrl(target: PullTarget): string {
  const url = new URL(target.callbackUrl);
  // A query already in the configured URL is part of what the console receives, so it is
  // signed too: the console verifies every param but sign.
  const params: Record<string, string> = {
    ...Object.fromEntries(url.searchParams),
    zw_order: target.zwOrder,
    timestamp: String(Math.floor((target.now ?? new Date()).getTime() / 1000)),
  };
  if (target.sendPii) {
    params.mobile = target.mobile;
    params.id_num = target.idNum;
  }
  const secret = target.corruptSignature ? `${target.secret}-not-the-secret` : target.secret;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  url.searchParams.set("sign", signRiskScoreParams(params, secret));
  return url.toString();
}

/** One attempt, no retries: the caller is waiting on the other end of a synchronous POST. */
export async function pullApplicantData(target: PullTarget): Promise<PullResult> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(buildPullUrl(target), {
      method: "GET",
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { ok: false, problem: "bad-pull", note: timedOut ? `pull timed out after ${target.timeoutMs} ms` : "pull failed to connect" };
  }
  if (status !== 200) return { ok: false, problem: "bad-pull", note: `pull answered HTTP ${status}` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: "bad-pull", note: "pull answered non-JSON" };
  }
  if (!isObject(body) || body.returnCode !== "SUCCESS") {
    return { ok: false, problem: "bad-pull", note: "pull returnCode is not SUCCESS" };
  }
  if (!isObject(body.data)) return { ok: false, problem: "bad-pull", note: "pull has no data object" };
  const field = findMissingField(body.data);
  return field ? { ok: false, problem: "missing-field", field } : { ok: true, data: body.data };
}

/** First required field that is absent, null, blank, or an empty object / array. */
export function findMissingField(data: Record<string, unknown>): string | null {
  for (const path of REQUIRED_FIELDS) {
    if (isBlank(valueAt(data, path))) return path;
  }
  return null;
}

export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
