import { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse, SandboxRoute } from "../core/types";
import { readSettingsPatch } from "../core/settings-patch";

/**
 * Sandbox-only levers of the DeepFinch twin (docs/sandbox-deepfinch.md): how many accounts a
 * generated report has, and a status every recognition answers instead (to reach each row of
 * the error table from the console). Kept in ctx.state; DELETE restores the defaults.
 */
export const ERROR_STATUSES = {
  INVALID_ARGUMENT: 400, DETECTION_FAILED: 400, UNAUTHORIZED: 401, KEY_EXPIRED: 401, NO_PERMISSION: 403,
  OUT_OF_QUOTA: 403, RATE_LIMIT_EXCEEDED: 403, NOT_FOUND: 404, INTERNAL_ERROR: 500, PARAMETER_MISSING: 400,
} as const;

export const ZDeepfinchSettings = z.strictObject({
  accountCount: z.number().int().min(0).max(1_000).optional(),
  forceStatus: z.enum(Object.keys(ERROR_STATUSES) as [keyof typeof ERROR_STATUSES]).nullable().optional(),
  /** Milliseconds the recognition takes (the real service takes seconds): lets progress be seen. */
  recogniseMs: z.number().int().min(0).max(60_000).optional(),
});
export type TDeepfinchSettings = Required<z.infer<typeof ZDeepfinchSettings>>;

const KEY = "deepfinch:settings";
export const DEFAULT_SETTINGS: TDeepfinchSettings = { accountCount: 12, forceStatus: null, recogniseMs: 0 };

export function readSettings(ctx: SandboxContext): TDeepfinchSettings {
  return { ...DEFAULT_SETTINGS, ...(ctx.state.get<Partial<TDeepfinchSettings>>(KEY) ?? {}) };
}

function answer(ctx: SandboxContext): SandboxResponse {
  return { status: 200, headers: { "cache-control": "no-store" }, body: readSettings(ctx) };
}

function put(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const patch = readSettingsPatch(req, ZDeepfinchSettings);
  if (!patch.ok) return patch.response;
  const defined = Object.fromEntries(Object.entries(patch.patch).filter(([, v]) => v !== undefined));
  ctx.state.set(KEY, { ...(ctx.state.get<object>(KEY) ?? {}), ...defined });
  return answer(ctx);
}

/** `GET | PUT | DELETE /deepfinch/_sandbox/settings` — not part of the vendor's protocol. */
export const settingsRoutes: SandboxRoute[] = [
  { method: "GET", path: "/_sandbox/settings", handle: (_req, ctx) => answer(ctx) },
  { method: "PUT", path: "/_sandbox/settings", handle: put },
  { method: "DELETE", path: "/_sandbox/settings", handle: (_req, ctx) => (ctx.state.delete(KEY), answer(ctx)) },
];
