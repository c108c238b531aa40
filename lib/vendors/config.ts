import "server-only";
import { env } from "@/lib/env";
import { sandboxCredentialsInForce, type VendorManifest, type VendorMode } from "@/lib/vendors/core/manifest";
import { deepfinchManifest } from "@/lib/vendors/deepfinch/manifest";
import { riskCaseManifest } from "@/lib/vendors/risk-case/manifest";
import { riskScoreManifest } from "@/lib/vendors/risk-score/manifest";
import { wanwangManifest } from "@/lib/vendors/wanwang/manifest";

/**
 * Each vendor's effective connection settings, built from its manifest: the environment in
 * live mode; in sandbox mode the twin's mount and the credentials in force (the environment's
 * when set, else the manifest's constants, the same rule the twin applies). Switching a vendor
 * to live is only configuration (design.md §1). Values are read at call time, so a retry after
 * a configuration change sends the configuration in force.
 */

/** Where a vendor's twin is mounted inside the sandbox server. */
export function sandboxVendorUrl(sandboxUrl: string, manifest: Pick<VendorManifest, "name">): string {
  return `${sandboxUrl}/${manifest.name}`;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export type WanwangConfig = {
  mode: VendorMode;
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent as the optional `wwtp-company` header; left out when unset. */
  company: string | undefined;
  channel: string;
  socialCreditCode: string;
  creditType: string;
  /** What 万网 sends as `Authorization: Bearer …` on its callbacks to us. */
  callbackToken: string;
  timeoutMs: number;
};

export function wanwangConfig(): WanwangConfig {
  const e = env();
  const { mode, values: v } = e.vendors.wanwang;
  const creditType = String(e.raw.WANWANG_CREDIT_TYPE);
  const timeoutMs = wanwangManifest.timeoutMs;
  if (mode === "live") {
    // lib/env.ts has refused to start without every requiredLive variable.
    return {
      mode,
      baseUrl: trimSlash(v.WANWANG_BASE_URL!),
      tokenUrl: v.WANWANG_TOKEN_URL!,
      clientId: v.WANWANG_CLIENT_ID!,
      clientSecret: v.WANWANG_CLIENT_SECRET!,
      company: v.WANWANG_COMPANY,
      channel: v.WANWANG_CHANNEL!,
      socialCreditCode: v.WANWANG_SOCIAL_CREDIT_CODE!,
      creditType,
      callbackToken: v.WANWANG_CALLBACK_TOKEN!,
      timeoutMs,
    };
  }
  const c = sandboxCredentialsInForce(wanwangManifest, v);
  const base = sandboxVendorUrl(e.sandboxUrl, wanwangManifest);
  const callbackToken = v.WANWANG_CALLBACK_TOKEN ?? e.generated.WANWANG_CALLBACK_TOKEN;
  if (!callbackToken) throw new Error("WANWANG_CALLBACK_TOKEN is missing: run `npm start` once to generate .data/secrets.json.");
  return {
    mode,
    baseUrl: base,
    tokenUrl: `${base}/oauth/token`,
    clientId: c.WANWANG_CLIENT_ID,
    clientSecret: c.WANWANG_CLIENT_SECRET,
    company: c.WANWANG_COMPANY,
    channel: c.WANWANG_CHANNEL,
    socialCreditCode: c.WANWANG_SOCIAL_CREDIT_CODE,
    creditType,
    callbackToken,
    timeoutMs,
  };
}

/** The risk-score (风控) vendor: vendor-docs/001_…, design.md §3. */
export type RiskScoreConfig = {
  mode: VendorMode;
  /** Without a trailing slash; the client appends `/Partner/FengKong/…`. */
  baseUrl: string;
  partnerId: string;
  secret: string;
  timeoutMs: number;
};

export function riskScoreConfig(): RiskScoreConfig {
  const e = env();
  const { mode, values: v } = e.vendors.riskScore;
  const timeoutMs = riskScoreManifest.timeoutMs;
  if (mode === "live") {
    return { mode, baseUrl: trimSlash(v.RISK_SCORE_BASE_URL!), partnerId: v.RISK_SCORE_PARTNER_ID!, secret: v.RISK_SCORE_SECRET!, timeoutMs };
  }
  const c = sandboxCredentialsInForce(riskScoreManifest, v);
  return {
    mode,
    baseUrl: sandboxVendorUrl(e.sandboxUrl, riskScoreManifest),
    partnerId: c.RISK_SCORE_PARTNER_ID,
    secret: c.RISK_SCORE_SECRET,
    timeoutMs,
  };
}

/** The risk-case (风控案例) service: vendor-docs/002_…, design.md §3. */
export type RiskCaseConfig = {
  mode: VendorMode;
  /** The whole query URL (the document leaves it blank; RISK_CASE_URL). */
  url: string;
  accessId: string;
  secret: string;
  timeoutMs: number;
};

/** Where the twin answers the query inside its mount. */
export const RISK_CASE_SANDBOX_PATH = "/cases";

export function riskCaseConfig(): RiskCaseConfig {
  const e = env();
  const { mode, values: v } = e.vendors.riskCase;
  const timeoutMs = riskCaseManifest.timeoutMs;
  if (mode === "live") return { mode, url: v.RISK_CASE_URL!, accessId: v.RISK_CASE_ACCESS_ID!, secret: v.RISK_CASE_SECRET!, timeoutMs };
  const c = sandboxCredentialsInForce(riskCaseManifest, v);
  return {
    mode,
    url: sandboxVendorUrl(e.sandboxUrl, riskCaseManifest) + RISK_CASE_SANDBOX_PATH,
    accessId: c.RISK_CASE_ACCESS_ID,
    secret: c.RISK_CASE_SECRET,
    timeoutMs,
  };
}

/** DeepFinch credit-report OCR: vendor-docs/003_…, design.md §3. */
export type DeepfinchConfig = { mode: VendorMode; baseUrl: string; apiId: string; apiSecret: string; timeoutMs: number };

export function deepfinchConfig(): DeepfinchConfig {
  const e = env();
  const { mode, values: v } = e.vendors.deepfinch;
  const timeoutMs = deepfinchManifest.timeoutMs;
  if (mode === "live") {
    return { mode, baseUrl: trimSlash(v.DEEPFINCH_BASE_URL!), apiId: v.DEEPFINCH_API_ID!, apiSecret: v.DEEPFINCH_API_SECRET!, timeoutMs };
  }
  const c = sandboxCredentialsInForce(deepfinchManifest, v);
  return { mode, baseUrl: sandboxVendorUrl(e.sandboxUrl, deepfinchManifest), apiId: c.DEEPFINCH_API_ID, apiSecret: c.DEEPFINCH_API_SECRET, timeoutMs };
}
