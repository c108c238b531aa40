import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import { startSandbox, type RunningSandbox } from "../server";
import { riskScoreVendor } from "./index";
import { expectedPullSign, startTestConsole, type SyntheticApplicant } from "./test-console";

/**
 * Tests only: the console's side of the getRiskScore / getHistoryScores calls, signed
 * with the test's own MD5 (test-console.ts), plus a sandbox wired to a test console.
 */

export const PARTNER_ID = riskScoreManifest.sandboxCredentials.RISK_SCORE_PARTNER_ID;
export const SECRET = riskScoreManifest.sandboxCredentials.RISK_SCORE_SECRET;

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  note: string | null;
}

export async function startRiskScoreSandbox(stateFile: string | null = null) {
  const consoleStub = await startTestConsole(SECRET);
  const sandbox = await startSandbox({
    port: 0,
    host: "127.0.0.1",
    vendors: [riskScoreVendor],
    stateFile,
    consoleBaseUrl: consoleStub.url,
  });
  return { consoleStub, sandbox };
}

let sequence = 0;
/** Order numbers unique within a test process, in the console's CR + yyMMdd + 5 digits shape. */
export function nextOrder(): string {
  sequence += 1;
  return `CR260101${String(sequence).padStart(5, "0")}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A request body for `applicant`, signed over every field given; `sign` is added last. */
export function signedScoreRequest(
  applicant: SyntheticApplicant,
  zwOrder: string,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    id_num: applicant.idNum,
    mobile: applicant.mobile,
    zw_order: zwOrder,
    partner_id: PARTNER_ID,
    timestamp: String(nowSeconds()),
    ...overrides,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return { ...present, sign: expectedPullSign(present, SECRET) };
}

export function signedHistoryRequest(zwOrder: string, partnerId: string = PARTNER_ID, secret: string = SECRET) {
  return { partner_id: partnerId, zw_order: zwOrder, sign: expectedPullSign({ partner_id: partnerId, zw_order: zwOrder }, secret) };
}

export async function post(sandbox: RunningSandbox, path: string, body: unknown): Promise<Reply> {
  const res = await fetch(`${sandbox.url}/risk-score${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, note: res.headers.get("x-sandbox-note") };
}

export const getRiskScore = (sandbox: RunningSandbox, body: unknown) => post(sandbox, "/Partner/FengKong/getRiskScore", body);
export const getHistoryScores = (sandbox: RunningSandbox, body: unknown) =>
  post(sandbox, "/Partner/FengKong/getHistoryScores", body);

export async function settings(sandbox: RunningSandbox, method: "GET" | "PUT" | "DELETE", body?: unknown) {
  const res = await fetch(`${sandbox.url}/risk-score/_sandbox/settings`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
