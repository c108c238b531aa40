import { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../core/types";
import { readSettingsPatch } from "../core/settings-patch";

/**
 * The partner-side configuration the real vendor keeps for us (rate limit, registered
 * callback address), plus two sandbox-only test levers. The sandbox knows one partner
 * (the risk-score manifest's sandbox credentials, or the environment's), so these are that partner's settings.
 *
 * Kept in ctx.state (not module memory) so each running sandbox has its own and a restart
 * keeps what an operator set; DELETE puts the defaults back.
 */
export interface RiskScoreSettings {
  /** getRiskScore calls allowed per partner in any rolling 60 s; 0 refuses every call (4001). */
  rateLimitPerMinute: number;
  /** Where the applicant data is pulled from; null = never registered (4002). */
  callbackUrl: string | null;
  /** Also put mobile and id_num in the pull URL, as the document's example URL does. */
  sendPiiInCallback: boolean;
  /** How long the pull may take before the answer is 9003. */
  pullTimeoutMs: number;
  /** Every successful scoring answers this score instead of the derived one (cut-off tests). */
  fixedScore: string | null;
}

const SETTINGS_KEY = "risk-score:settings";
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;
export const DEFAULT_PULL_TIMEOUT_MS = 10_000;
/** The console's endpoint (design.md §2) under its base URL. */
export const APPLICANT_DATA_PATH = "/api/risk-score/applicant-data";

// Strict, like the fault settings: a misspelt key must be refused, not ignored.
export const ZRiskScoreSettingsPatch = z.strictObject({
  rateLimitPerMinute: z.number().int().min(0).max(100_000).optional(),
  callbackUrl: z.url({ protocol: /^https?$/ }).nullable().optional(),
  sendPiiInCallback: z.boolean().optional(),
  pullTimeoutMs: z.number().int().min(1).max(120_000).optional(),
  fixedScore: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "a decimal number as a string, e.g. \"640.0\"")
    .nullable()
    .optional(),
});
export type TRiskScoreSettingsPatch = z.infer<typeof ZRiskScoreSettingsPatch>;

export function defaultSettings(consoleBaseUrl: string): RiskScoreSettings {
  return {
    rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    callbackUrl: consoleBaseUrl + APPLICANT_DATA_PATH,
    sendPiiInCallback: false,
    pullTimeoutMs: DEFAULT_PULL_TIMEOUT_MS,
    fixedScore: null,
  };
}

/**
 * Only what was explicitly set is stored, so the default callback URL keeps following
 * the console's base URL instead of freezing the one seen first.
 */
export function readSettings(ctx: SandboxContext): RiskScoreSettings {
  const stored = ctx.state.get<TRiskScoreSettingsPatch>(SETTINGS_KEY) ?? {};
  return { ...defaultSettings(ctx.consoleBaseUrl), ...stored };
}

function putSettings(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const patch = readSettingsPatch(req, ZRiskScoreSettingsPatch);
  if (!patch.ok) return patch.response;
  const stored = ctx.state.get<TRiskScoreSettingsPatch>(SETTINGS_KEY) ?? {};
  const defined = Object.fromEntries(Object.entries(patch.patch).filter(([, v]) => v !== undefined));
  ctx.state.set(SETTINGS_KEY, { ...stored, ...defined });
  return settingsAnswer(ctx);
}

function settingsAnswer(ctx: SandboxContext): SandboxResponse {
  return { status: 200, headers: { "cache-control": "no-store" }, body: readSettings(ctx) };
}

/** `GET | PUT | DELETE /risk-score/_sandbox/settings` — not part of the vendor's protocol. */
export const settingsRoutes: SandboxRoute[] = [
  { method: "GET", path: "/_sandbox/settings", handle: (_req, ctx) => settingsAnswer(ctx) },
  { method: "PUT", path: "/_sandbox/settings", handle: putSettings },
  {
    method: "DELETE",
    path: "/_sandbox/settings",
    handle: (_req, ctx) => {
      ctx.state.delete(SETTINGS_KEY);
      return settingsAnswer(ctx);
    },
  },
];
