import "server-only";
import { env } from "@/lib/env";
import { SANDBOX_CREDENTIALS, sandboxVendorUrl } from "@/lib/sandbox/credentials";

/**
 * Each vendor's effective connection settings: the environment in live mode, the local
 * sandbox and its shared credentials in sandbox mode. Switching a vendor to live is only
 * configuration (design.md §1).
 */
export type WanwangConfig = {
  mode: "sandbox" | "live";
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  company: string;
  channel: string;
  socialCreditCode: string;
  creditType: string;
  /** What 万网 sends as `Authorization: Bearer …` on its callbacks to us. */
  callbackToken: string;
  timeoutMs: number;
};

export function wanwangConfig(): WanwangConfig {
  const e = env();
  const raw = e.raw;
  const creditType = String(raw.WANWANG_CREDIT_TYPE);
  if (e.modes.wanwang === "live") {
    return {
      mode: "live",
      baseUrl: raw.WANWANG_BASE_URL!.replace(/\/+$/, ""),
      tokenUrl: raw.WANWANG_TOKEN_URL!,
      clientId: raw.WANWANG_CLIENT_ID!,
      clientSecret: raw.WANWANG_CLIENT_SECRET!,
      company: raw.WANWANG_COMPANY!,
      channel: raw.WANWANG_CHANNEL ?? raw.WANWANG_COMPANY!,
      socialCreditCode: raw.WANWANG_SOCIAL_CREDIT_CODE ?? "",
      creditType,
      callbackToken: raw.WANWANG_CALLBACK_TOKEN!,
      timeoutMs: 15_000,
    };
  }
  const sandbox = SANDBOX_CREDENTIALS.wanwang;
  const base = sandboxVendorUrl(e.sandboxUrl, "wanwang");
  const callbackToken = raw.WANWANG_CALLBACK_TOKEN ?? e.generated.WANWANG_CALLBACK_TOKEN;
  if (!callbackToken) throw new Error("WANWANG_CALLBACK_TOKEN is missing: run `npm start` once to generate .data/secrets.json.");
  return {
    mode: "sandbox",
    baseUrl: base,
    tokenUrl: `${base}/oauth/token`,
    clientId: raw.WANWANG_CLIENT_ID ?? sandbox.clientId,
    clientSecret: raw.WANWANG_CLIENT_SECRET ?? sandbox.clientSecret,
    company: raw.WANWANG_COMPANY ?? sandbox.company,
    channel: raw.WANWANG_CHANNEL ?? sandbox.channel,
    socialCreditCode: raw.WANWANG_SOCIAL_CREDIT_CODE ?? sandbox.socialCreditCode,
    creditType,
    callbackToken,
    timeoutMs: 15_000,
  };
}

/** The risk-score (风控) vendor: vendor-docs/001_…, design.md §3. */
export type RiskScoreConfig = {
  mode: "sandbox" | "live";
  /** Without a trailing slash; the client appends `/Partner/FengKong/…`. */
  baseUrl: string;
  partnerId: string;
  secret: string;
  timeoutMs: number;
};

// The vendor pulls the applicant's data from our endpoint before it answers the POST,
// so a call lasts one round trip plus the pull (the sandbox allows the pull 10 s).
const RISK_SCORE_TIMEOUT_MS = 20_000;

export function riskScoreConfig(): RiskScoreConfig {
  const e = env();
  const raw = e.raw;
  if (e.modes.riskScore === "live") {
    return {
      mode: "live",
      baseUrl: raw.RISK_SCORE_BASE_URL!.replace(/\/+$/, ""),
      partnerId: raw.RISK_SCORE_PARTNER_ID!,
      secret: raw.RISK_SCORE_SECRET!,
      timeoutMs: RISK_SCORE_TIMEOUT_MS,
    };
  }
  const sandbox = SANDBOX_CREDENTIALS.riskScore;
  return {
    mode: "sandbox",
    baseUrl: sandboxVendorUrl(e.sandboxUrl, "risk-score"),
    partnerId: raw.RISK_SCORE_PARTNER_ID ?? sandbox.partnerId,
    secret: raw.RISK_SCORE_SECRET ?? sandbox.secret,
    timeoutMs: RISK_SCORE_TIMEOUT_MS,
  };
}
