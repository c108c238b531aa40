import { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../core/types";
import { readSettingsPatch } from "../core/settings-patch";

/**
 * Test levers of the 联银通 twin (not part of the vendor's protocol), kept in the sandbox
 * state so a restart keeps them. `GET | PUT | DELETE /lanmao/_sandbox/settings`.
 */
export interface LanmaoSettings {
  /** The next N direct answers are held this long after the custody side acted: the client times out, the money moved. */
  lateAnswers: number;
  lateAnswerMs: number;
  /** The next N direct requests fail with 100001 before anything is done (§1.6: call again with the same requestNo). */
  systemErrors: number;
  /** NOTIFY retry waits, replacing the document's 1–20 minutes (compressed time for tests and demos). */
  notifyRetryDelaysMs: number[] | null;
  /** Wait between the customer's confirmation and the first NOTIFY. */
  notifyFirstDelayMs: number | null;
  /** No NOTIFY at all (the console must resolve by QUERY_TRANSACTION). */
  notifyOff: boolean;
  /** The outcome 联银通's operators give an enterprise after AUDIT (§2.2 R2–R5). */
  enterpriseAudit: "PASSED" | "BACK" | "REFUSED" | "AUDIT";
  /** §2.13 R1: the platform's marketing money per Beijing day; null = no limit. */
  marketingDailyLimitFen: number | null;
}

export const DEFAULT_SETTINGS: LanmaoSettings = {
  lateAnswers: 0,
  lateAnswerMs: 20_000,
  systemErrors: 0,
  notifyRetryDelaysMs: null,
  notifyFirstDelayMs: null,
  notifyOff: false,
  enterpriseAudit: "PASSED",
  marketingDailyLimitFen: null,
};

const KEY = "lanmao:settings";

export const ZLanmaoSettingsPatch = z.strictObject({
  lateAnswers: z.number().int().min(0).max(1000).optional(),
  lateAnswerMs: z.number().int().min(1).max(600_000).optional(),
  systemErrors: z.number().int().min(0).max(1000).optional(),
  notifyRetryDelaysMs: z.array(z.number().int().min(0).max(3_600_000)).max(6, "the document allows at most 6 retries").nullable().optional(),
  notifyFirstDelayMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
  notifyOff: z.boolean().optional(),
  enterpriseAudit: z.enum(["PASSED", "BACK", "REFUSED", "AUDIT"]).optional(),
  marketingDailyLimitFen: z.number().int().min(0).nullable().optional(),
});

export function readSettings(ctx: Pick<SandboxContext, "state">): LanmaoSettings {
  return { ...DEFAULT_SETTINGS, ...(ctx.state.get<Partial<LanmaoSettings>>(KEY) ?? {}) };
}

export function patchSettings(ctx: Pick<SandboxContext, "state">, patch: Partial<LanmaoSettings>): LanmaoSettings {
  const stored = ctx.state.get<Partial<LanmaoSettings>>(KEY) ?? {};
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  ctx.state.set(KEY, { ...stored, ...defined });
  return readSettings(ctx);
}

/** Takes one from a countdown setting; true when it applied. */
export function consumeCountdown(ctx: Pick<SandboxContext, "state">, key: "lateAnswers" | "systemErrors"): boolean {
  const s = readSettings(ctx);
  if (s[key] <= 0) return false;
  patchSettings(ctx, { [key]: s[key] - 1 });
  return true;
}

function put(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const patch = readSettingsPatch(req, ZLanmaoSettingsPatch);
  if (!patch.ok) return patch.response;
  return { status: 200, body: patchSettings(ctx, patch.patch) };
}

export const settingsRoutes: SandboxRoute[] = [
  { method: "GET", path: "/_sandbox/settings", handle: (_req, ctx) => ({ status: 200, headers: { "cache-control": "no-store" }, body: readSettings(ctx) }) },
  { method: "PUT", path: "/_sandbox/settings", handle: put },
  {
    method: "DELETE",
    path: "/_sandbox/settings",
    handle: (_req, ctx) => {
      ctx.state.delete(KEY);
      return { status: 200, body: readSettings(ctx) };
    },
  },
];
